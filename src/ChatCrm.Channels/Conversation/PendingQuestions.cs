using System.Text.Json;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;
using ChatCrm.Language;

namespace ChatCrm.Channels.Conversation;

/// <summary>
/// Remembers, in the store, what the bot asked for ("转给谁?") so that the next message in the same
/// conversation completes the request. A new request instead of an answer drops the question.
/// </summary>
public sealed class PendingQuestions(ICrmStore store, IAnswerReader answers, TimeProvider clock)
{
    /// <summary>An answer after this long is taken as a new message, not as the answer.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromMinutes(30);

    public Task AskAsync(string conversationKey, string field, Intent intent, string language, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(IntentPayload.Write(intent, language));
        var question = new PendingQuestion(conversationKey, field, json, clock.GetUtcNow());
        return store.WriteAsync(session =>
        {
            session.Conversations.SaveQuestion(question);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The asked-for request completed by this message, or null when there is no open question or
    /// the message is a request of its own.
    /// </summary>
    public async Task<Intent?> AnswerAsync(string conversationKey, Intent understood, string text, DateTimeOffset localNow, CancellationToken cancellationToken)
    {
        var question = await store.ReadAsync(session => session.Conversations.FindQuestion(conversationKey), cancellationToken);
        if (question is null)
        {
            return null;
        }

        await store.WriteAsync(session =>
        {
            session.Conversations.RemoveQuestion(conversationKey);
            return true;
        }, cancellationToken);
        if (clock.GetUtcNow() - question.AskedAt > AnswerWithin
            || JsonSerializer.Deserialize<Dictionary<string, string>>(question.IntentJson) is not { } asked)
        {
            return null;
        }

        if (understood is UnknownIntent && answers.Read(question.MissingField, text, localNow) is { } value)
        {
            asked[question.MissingField] = value;
            return IntentPayload.Read(asked);
        }

        if (understood.Name == asked[IntentPayload.IntentKey])
        {
            // "转给bob" after "转给谁?": the new message says it again, more completely.
            foreach (var (key, said) in IntentPayload.Write(understood, asked[IntentPayload.LanguageKey]))
            {
                asked[key] = said;
            }

            return IntentPayload.Read(asked);
        }

        return null;
    }
}
