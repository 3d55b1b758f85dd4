using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Access;
using ChatCrm.Channels.WebChat;
using ChatCrm.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatCrm.Endpoints;

/// <summary>A message or a button press from the web chat page.</summary>
/// <param name="Id">The client's id for the message: a retry with the same id is answered once.</param>
public sealed record WebChatRequest(string? User, string? Conversation, string? Text, Dictionary<string, string>? Action, string? Id);

public sealed record WebChatResponse(IReadOnlyList<ChatReply> Replies);

public sealed record WebChatUser(string Key, string Name, string Role, string? Team);

/// <summary>
/// The browser chat for trying the product: pick a demo user, talk to the bot. It trusts the
/// "user" field, so it is on only in Development or when ChatCrm:WebChat:Enabled says so.
/// </summary>
public static class WebChatEndpoints
{
    /// <summary>Enough for a 2,000-character message in any script, with room for the JSON around it.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webchat");
        api.MapPost("/", SendAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapGet("/inbox", InboxAsync);
        api.MapGet("/users", UsersAsync);
        return app;
    }

    private static async Task<Results<Ok<WebChatResponse>, ValidationProblem>> SendAsync(
        WebChatRequest request, ConversationPipeline pipeline, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.User))
        {
            errors["user"] = ["Say who is chatting: \"user\": \"alice\"."];
        }

        if (request.Text is null == request.Action is null)
        {
            errors["text"] = ["Send either \"text\" or \"action\" (a button's payload), not both or neither."];
        }

        if (request.Id is { Length: > 100 })
        {
            errors["id"] = ["A message id has at most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var conversation = string.IsNullOrWhiteSpace(request.Conversation) ? "default" : request.Conversation.Trim();
        var origin = ActorOrigin.Of(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        var turn = new ChatTurn(ChatTurn.WebChat, conversation, request.User!.Trim(), request.Id, request.Text, request.Action, Origin: origin);
        var replies = await pipeline.HandleAsync(turn, cancellationToken);
        return TypedResults.Ok(new WebChatResponse(replies));
    }

    private static async Task<Results<Ok<WebChatResponse>, ValidationProblem>> InboxAsync(
        string? user, WebChatInbox inbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = ["Say whose inbox: ?user=alice."] });
        }

        return TypedResults.Ok(new WebChatResponse(await inbox.CollectAsync(user.Trim(), cancellationToken)));
    }

    private static async Task<Ok<IReadOnlyList<WebChatUser>>> UsersAsync(ICrmStore store, CancellationToken cancellationToken)
    {
        var users = await store.ReadAsync(session => session.People.AllUsers(), cancellationToken);
        IReadOnlyList<WebChatUser> list = [.. users.Select(user => new WebChatUser(user.Key, user.DisplayName, user.Role.ToString().ToLowerInvariant(), user.TeamKey))];
        return TypedResults.Ok(list);
    }
}
