using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Channels.Conversation;

/// <summary>
/// The road every chat turn travels, whatever the channel: dedupe by message id → who is this →
/// understand → carry out through the core → reply. It never sees a channel's JSON or XML, and
/// no failure escapes it: a person always gets a polite answer and the chat stays usable.
/// </summary>
public sealed class ConversationPipeline(
    ICrmStore store,
    IInterpreter interpreter,
    IntentActions actions,
    PendingQuestions questions,
    TimeProvider clock,
    CrmSettings settings,
    ILogger<ConversationPipeline> logger)
{
    /// <summary>Longer messages are refused: nobody types a follow-up this long, and it bounds the work per turn.</summary>
    public const int MaxTextLength = 2000;

    public async Task<IReadOnlyList<ChatReply>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var language = turn.Text is { } typed ? LanguageDetector.Detect(typed) : turn.Action?.GetValueOrDefault(IntentPayload.LanguageKey) ?? "zh";
        try
        {
            var user = await store.ReadAsync(session => WhoSent(session, turn), cancellationToken);
            if (user is null)
            {
                logger.LogInformation("Refused a {Channel} message from an unknown sender", turn.Channel);
                return [NotAUser(turn, language)];
            }

            // Offboarded: a polite answer and nothing else, on every channel, from the commit on.
            if (!user.IsActive)
            {
                logger.LogInformation("Refused a {Channel} message from deactivated user {UserKey}", turn.Channel, user.Key);
                return [OffboardingReplies.Deactivated(user.Language)];
            }

            if (turn.InboundKey is { } key && await store.ReadAsync(session => session.Conversations.FindInbound(key), cancellationToken) is not null)
            {
                return AlreadyHandled(language);
            }

            // A change records the message id in its own transaction (the core's InboundDedupe), so a
            // retry changes nothing twice; a question or a list is simply answered again.
            var outcome = await UnderstandAndActAsync(turn, user, language, cancellationToken);
            return outcome.Replies;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "A {Channel} turn failed in conversation {ConversationId}", turn.Channel, turn.ConversationId);
            return [ChatReply.Plain(Say.In(language,
                "抱歉,刚才出了点问题,没有保存任何改动。请稍后再试。",
                "Sorry, something went wrong and nothing was changed. Please try again in a moment."))];
        }
    }

    private async Task<TurnOutcome> UnderstandAndActAsync(ChatTurn turn, User user, string language, CancellationToken cancellationToken)
    {
        var actor = new Actor(user, turn.Channel, turn.ConversationKey, turn.InboundKey, turn.Origin);
        var localNow = settings.LocalNow(clock.GetUtcNow());
        Intent intent;
        Guid? auditId = null;
        if (turn.Action is { } payload)
        {
            if (IntentPayload.Read(payload) is not { } pressed)
            {
                return TurnOutcome.Say(ChatReply.Plain(Say.In(language, "这个按钮已经失效了。", "That button no longer works.")));
            }

            intent = pressed;
            auditId = payload.TryGetValue("audit", out var id) && Guid.TryParse(id, out var parsed) ? parsed : null;
        }
        else
        {
            var text = turn.Text?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                return TurnOutcome.Say(HelpReply.For(language));
            }

            if (text.Length > MaxTextLength)
            {
                return TurnOutcome.Say(ChatReply.Plain(Say.In(language,
                    "消息太长了(最多 {0} 个字),请分几句说。", "That message is too long (at most {0} characters); please split it up.", MaxTextLength)));
            }

            var linkedLead = interpreter is EmbeddedInterpreter || text.StartsWith('/') ? null : await LinkedLeadAsync(turn, user, cancellationToken);
            var understanding = await interpreter.InterpretAsync(new Utterance(text, localNow, linkedLead), cancellationToken);
            // A slash command has no language of its own: answer in the person's.
            language = text.StartsWith('/') ? user.Language : understanding.Language;
            intent = turn.LogsFollowUp
                ? AsFollowUp(understanding.Intent, text)
                : await questions.AnswerAsync(turn.ConversationKey, understanding.Rules ?? understanding.Intent, text, localNow, cancellationToken) ?? understanding.Intent;
        }

        var outcome = await actions.RunAsync(actor, intent, language, localNow, auditId, cancellationToken);
        if (outcome.Error is MissingValue missing)
        {
            await questions.AskAsync(turn.ConversationKey, missing.Field, intent, language, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// The chat's lead as a language model may be told of it ("L-20261118-0007 王总 (Acme)"), when
    /// the sender may see it; the embedded rules resolve "him" later, through the link itself.
    /// </summary>
    private Task<string?> LinkedLeadAsync(ChatTurn turn, User user, CancellationToken cancellationToken) =>
        store.ReadAsync(session =>
        {
            var link = session.Conversations.FindLink(turn.ConversationKey);
            var lead = link is null ? null : session.Leads.Find(link.LeadNumber);
            return lead is null || !LeadAccess.Of(session, user).CanSee(lead)
                ? null
                : lead.Company is { Length: > 0 } company ? $"{lead.Number} {lead.Name} ({company})" : $"{lead.Number} {lead.Name}";
        }, cancellationToken);

    // A chosen chat message may name anyone (the customer signs with their own name): the lead is
    // the chat's, never one read from the text.
    private static LogFollowUpIntent AsFollowUp(Intent understood, string text) =>
        understood is LogFollowUpIntent followUp
            ? followUp with { LeadMention = null, Summary = text }
            : new LogFollowUpIntent(null, null, null, null, text);

    // On a chat platform the person cannot know their own account id; the admin needs it to link them.
    private static ChatReply NotAUser(ChatTurn turn, string language) =>
        turn.Channel is ChatTurn.WebChat or ChatTurn.Terminal
            ? ChatReply.Plain(Say.In(language,
                "抱歉,你还不是 ChatCrm 的用户,请联系管理员开通。",
                "Sorry, you're not a ChatCrm user yet. Please ask your admin to add you."))
            : ChatReply.Plain(Say.In(language,
                "抱歉,你还不是 ChatCrm 的用户。请把下面这行发给管理员,由管理员发给我:\n/admin user link <你的登录名> {0} {1}",
                "Sorry, you're not a ChatCrm user yet. Send this line to your admin, who sends it to me:\n/admin user link <your login> {0} {1}",
                turn.Channel, turn.SenderId));

    private static IReadOnlyList<ChatReply> AlreadyHandled(string language) =>
        [ChatReply.Plain(Say.In(language, "这条消息已经处理过了,没有重复记录。", "That message was handled already; nothing was recorded twice."))];

    /// <summary>
    /// Chat platforms name people by their own ids, which an admin links to CRM users; the web chat
    /// and the terminal, which are for trying the product, name the CRM user directly.
    /// </summary>
    private static User? WhoSent(ICrmSession session, ChatTurn turn) =>
        turn.Channel is ChatTurn.WebChat or ChatTurn.Terminal
            ? session.People.FindUser(turn.SenderId)
            : session.People.FindUserByIdentity(turn.Channel, turn.SenderId);

}
