using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.WebChat;
using ChatCrm.Hosting;

namespace ChatCrm.Cli;

/// <summary>
/// Runs the product in this process, without the web server, on the store's file. Opening the
/// store takes its lock, so this only works when no server is running on the same file.
/// </summary>
public sealed class InProcessChat : IChatConnection
{
    private readonly IHost _host;
    private readonly string _user;
    private readonly string _conversation;

    private InProcessChat(IHost host, string user, string conversation)
    {
        _host = host;
        _user = user;
        _conversation = conversation;
    }

    public string Description => "the local store (no server running)";

    /// <summary>Starts the product's services in-process; throws StoreInUseException when a server holds the store.</summary>
    public static async Task<InProcessChat> StartAsync(string user, string conversation, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        RepositoryConfiguration.AddBuiltInDefaults(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A store held by a running server is expected here (the chat then talks to it); no stack trace for that.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.AddChatCrmServices();
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InProcessChat(host, user, conversation);
    }

    public Task<IReadOnlyList<ChatReply>> SendAsync(string? text, IReadOnlyDictionary<string, string>? action, CancellationToken cancellationToken) =>
        _host.Services.GetRequiredService<ConversationPipeline>().HandleAsync(
            new ChatTurn(ChatTurn.Terminal, _conversation, _user, Guid.NewGuid().ToString("N"), text, action), cancellationToken);

    public Task<IReadOnlyList<ChatReply>> InboxAsync(CancellationToken cancellationToken) =>
        _host.Services.GetRequiredService<WebChatInbox>().CollectAsync(_user, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
