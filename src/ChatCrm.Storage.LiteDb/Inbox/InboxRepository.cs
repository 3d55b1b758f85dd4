using ChatCrm.Core.Conversations;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Inbox;

/// <summary>
/// Accepted platform messages, keyed by their platform key as _id. <c>PendingAt</c> is set only
/// while the work is pending (a stand-in for a (state, next attempt) index); the payload holds
/// message text and chat ids, so it is kept as the protector makes it.
/// </summary>
internal sealed class InboxRepository(SessionScope scope, ILiteCollection<BsonDocument> inbox, IPersonalDataProtector protector) : IInbox
{
    public const string PendingAt = "PendingAt";

    // Look first, then insert: a duplicate-key insert would roll back the whole group commit.
    public bool TryAdd(InboundWork work)
    {
        var document = ToDocument(work);
        return scope.Write(() =>
        {
            if (inbox.FindById(work.Key) is not null)
            {
                return false;
            }

            inbox.Insert(document);
            return true;
        });
    }

    public InboundWork? Find(string key)
    {
        var document = scope.Read(() => inbox.FindById(key));
        return document is null ? null : ToWork(document);
    }

    public IReadOnlyList<InboundWork> Due(DateTimeOffset now, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var documents = scope.Read(() => inbox
            .Query()
            .Where(BsonExpression.Create($"$.{PendingAt} BETWEEN @0 AND @1", new BsonValue(long.MinValue), new BsonValue(now.UtcTicks)))
            .OrderBy(BsonExpression.Create("$." + PendingAt), Query.Ascending)
            .Limit(limit)
            .ToList());
        return [.. documents.Select(ToWork)];
    }

    public void Update(InboundWork work)
    {
        var document = ToDocument(work);
        if (!scope.Write(() => inbox.Update(document)))
        {
            throw new InvalidOperationException($"Inbound work {work.Key} is not stored, so it cannot be updated.");
        }
    }

    private BsonDocument ToDocument(InboundWork work)
    {
        var document = new BsonDocument
        {
            ["_id"] = work.Key,
            ["Channel"] = work.Channel,
            ["Payload"] = work.Payload is null ? BsonValue.Null : protector.Protect(work.Payload),
            ["State"] = BsonFields.Name<InboundState>(work.State),
            ["Attempts"] = work.Attempts,
            ["LastError"] = BsonFields.Text(work.LastError),
            [PendingAt] = work.State == InboundState.Pending ? BsonFields.Ticks(work.NextAttemptAt) : BsonValue.Null,
        };
        BsonFields.SetMoment(document, "ReceivedAt", work.ReceivedAt);
        BsonFields.SetMoment(document, "NextAttemptAt", work.NextAttemptAt);
        return document;
    }

    private InboundWork ToWork(BsonDocument document) => new(
        document["_id"].AsString,
        BsonFields.GetRequiredText(document, "Channel"),
        BsonFields.GetText(document, "Payload") is { } stored ? protector.Reveal(stored) : null,
        BsonFields.GetMoment(document, "ReceivedAt"),
        BsonFields.GetName<InboundState>(document, "State"),
        document["Attempts"].AsInt32,
        BsonFields.GetMoment(document, "NextAttemptAt"),
        BsonFields.GetText(document, "LastError"));
}
