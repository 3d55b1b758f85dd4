using ChatCrm.Channels.Conversation;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>
/// What a member does in the sidebar, handed to the conversation pipeline as WeCom turns in the
/// chat beside it: the member is the sender (mapped by their WeCom userid), the chat is the
/// conversation, so links, follow-ups and claims are the same acts as in any chat.
/// </summary>
public sealed class SidebarTurns(ConversationPipeline pipeline)
{
    /// <param name="messageId">The page's id for the request: a retry with the same id changes nothing twice.</param>
    /// <param name="text">A follow-up typed in a sentence; it is logged on the chat's lead, whatever it names.</param>
    /// <param name="action">A button's payload (<see cref="IntentPayload"/>), instead of text.</param>
    public async Task<IReadOnlyList<ChatReply>> HandleAsync(
        string userId,
        SidebarContext context,
        string messageId,
        string? text,
        IReadOnlyDictionary<string, string>? action,
        CancellationToken cancellationToken)
    {
        // Namespaced, so a page's id can never collide with a WeCom callback's MsgId from the same member.
        var inbound = "sidebar:" + messageId;
        var replies = await pipeline.HandleAsync(context.TurnBy(userId, inbound, text, action, logsFollowUp: text is not null), cancellationToken);
        if (action?.GetValueOrDefault(IntentPayload.IntentKey) != "create_lead" || LinkButton(replies) is not { } link)
        {
            return replies;
        }

        // A lead created beside a chat is that chat's lead: press the reply's own "Link this chat" for the member.
        var linked = await pipeline.HandleAsync(context.TurnBy(userId, inbound + ":link", null, link.Payload), cancellationToken);
        return [.. replies.Select(reply => reply with { Actions = [.. reply.Actions.Where(button => button != link)] }), .. linked];
    }

    private static ReplyAction? LinkButton(IReadOnlyList<ChatReply> replies) =>
        replies.SelectMany(reply => reply.Actions)
            .FirstOrDefault(button => button.Payload.GetValueOrDefault(IntentPayload.IntentKey) == "link_chat");
}
