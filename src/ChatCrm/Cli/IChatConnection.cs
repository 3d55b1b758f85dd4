using ChatCrm.Channels.Conversation;

namespace ChatCrm.Cli;

/// <summary>Where the terminal chat sends turns: the running server, or the store opened in this process.</summary>
public interface IChatConnection : IAsyncDisposable
{
    /// <summary>Says where the chat is connected, for the banner.</summary>
    string Description { get; }

    Task<IReadOnlyList<ChatReply>> SendAsync(string? text, IReadOnlyDictionary<string, string>? action, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChatReply>> InboxAsync(CancellationToken cancellationToken);
}
