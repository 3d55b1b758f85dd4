using System.Net.Http.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Endpoints;

namespace ChatCrm.Cli;

/// <summary>Talks to a running ChatCrm server through its web chat API.</summary>
public sealed class ServerChat(HttpClient http, string user, string conversation) : IChatConnection
{
    public string Description => $"the server at {http.BaseAddress}";

    public async Task<IReadOnlyList<ChatReply>> SendAsync(string? text, IReadOnlyDictionary<string, string>? action, CancellationToken cancellationToken)
    {
        var request = new WebChatRequest(user, conversation, text, action is null ? null : new Dictionary<string, string>(action), Guid.NewGuid().ToString("N"));
        using var response = await http.PostAsJsonAsync("api/webchat", request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<ChatReply>> InboxAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/webchat/inbox?user={Uri.EscapeDataString(user)}", cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<IReadOnlyList<ChatReply>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The server answered {(int)response.StatusCode}: {body}");
        }

        var reply = await response.Content.ReadFromJsonAsync<WebChatResponse>(cancellationToken);
        return reply?.Replies ?? [];
    }
}
