using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>A person's undelivered notices and the language they read.</summary>
public sealed record UndeliveredNotices(IReadOnlyList<OutboxMessage> Messages, string Language);

/// <summary>
/// Hands a person's undelivered outbox messages to a channel that delivers by being asked (the web
/// chat's inbox), marking them delivered in the same transaction so each arrives once.
/// </summary>
public sealed class TakeUndelivered(ICrmStore store, TimeProvider clock)
{
    private const int MaxPerTake = 50;

    public async Task<UndeliveredNotices> HandleAsync(string userKey, CancellationToken cancellationToken)
    {
        // Pages poll every few seconds: look before taking the writer for an empty inbox. An offboarded person's stays shut.
        if ((await store.ReadAsync(session => session.People.FindUser(userKey) is { IsActive: false } ? [] : session.Outbox.PendingFor(userKey, 1), cancellationToken)).Count == 0)
        {
            return new UndeliveredNotices([], "zh");
        }

        var now = clock.GetUtcNow();
        return await store.WriteAsync(session =>
        {
            var pending = session.Outbox.PendingFor(userKey, MaxPerTake);
            foreach (var message in pending)
            {
                session.Outbox.Update(message with { State = OutboxState.Delivered, DeliveredAt = now, Attempts = message.Attempts + 1 });
            }

            return new UndeliveredNotices(pending, session.People.FindUser(userKey)?.Language ?? "zh");
        }, cancellationToken);
    }
}
