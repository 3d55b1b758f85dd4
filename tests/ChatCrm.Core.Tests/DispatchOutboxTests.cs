using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Tests;

public sealed class DispatchOutboxTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly DispatchOutbox _outbox;

    public DispatchOutboxTests() => _outbox = new DispatchOutbox(_world.Store, _world.Clock);

    public void Dispose() => _world.Dispose();

    private DateTimeOffset Now => _world.Clock.GetUtcNow();

    [Fact]
    public async Task Due_hands_out_pending_deliveries_once_until_their_claim_runs_out()
    {
        var message = await EnqueueAsync();

        var first = await _outbox.DueAsync(10, default);
        var again = await _outbox.DueAsync(10, default);
        _world.Clock.Advance(DispatchOutbox.ClaimFor);
        var afterClaim = await _outbox.DueAsync(10, default);

        Assert.Equal([message.Id], first.Select(due => due.Id));
        Assert.Empty(again);
        Assert.Equal([message.Id], afterClaim.Select(due => due.Id));
    }

    [Fact]
    public async Task Sent_marks_the_message_delivered_now()
    {
        var message = await ClaimedAsync();
        _world.Clock.Advance(TimeSpan.FromSeconds(3));

        await _outbox.RecordAsync(message.Id, DeliveryResult.Sent, default);

        var stored = await FindAsync(message.Id);
        Assert.Equal((OutboxState.Delivered, 1, Now), (stored.State, stored.Attempts, stored.DeliveredAt));
    }

    [Fact]
    public async Task Retry_later_waits_five_seconds_doubling_with_a_fifth_of_jitter()
    {
        var message = await ClaimedAsync();
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await _outbox.RecordAsync(message.Id, DeliveryResult.RetryLater("503 Service Unavailable"), default);
            var stored = await FindAsync(message.Id);
            waits.Add(stored.NextAttemptAt - Now);
            Assert.Equal((OutboxState.Pending, attempt, "503 Service Unavailable"), (stored.State, stored.Attempts, stored.LastError));
        }

        Assert.All(waits.Select((wait, index) => (wait, expected: TimeSpan.FromSeconds(5 * Math.Pow(2, index)))),
            pair => Assert.InRange(pair.wait, pair.expected * 0.8, pair.expected * 1.2));
    }

    [Fact]
    public void Backoff_never_exceeds_ten_minutes_and_differs_between_messages()
    {
        var delays = Enumerable.Range(0, 20).Select(_ => DispatchOutbox.RetryDelay(9, Guid.NewGuid())).ToList();
        var early = Enumerable.Range(0, 20).Select(_ => DispatchOutbox.RetryDelay(1, Guid.NewGuid())).ToList();

        Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10)));
        Assert.True(early.Distinct().Count() > 10, "jitter should spread messages that failed together");
    }

    [Fact]
    public void Backoff_is_the_same_on_every_run_for_a_message()
    {
        var id = Guid.Parse("0199a2b4-6c1e-7d3f-8a5b-9c0d1e2f3a4b");

        Assert.Equal(DispatchOutbox.RetryDelay(3, id), DispatchOutbox.RetryDelay(3, id));
    }

    [Fact]
    public async Task Retry_after_from_the_platform_is_honoured()
    {
        var message = await ClaimedAsync();

        await _outbox.RecordAsync(message.Id, DeliveryResult.RetryLater("429", TimeSpan.FromSeconds(30)), default);

        Assert.Equal(Now.AddSeconds(30), (await FindAsync(message.Id)).NextAttemptAt);
    }

    [Fact]
    public async Task A_delivery_is_dead_lettered_after_the_last_attempt_fails()
    {
        var message = await ClaimedAsync();

        for (var attempt = 1; attempt <= DispatchOutbox.MaxAttempts; attempt++)
        {
            await _outbox.RecordAsync(message.Id, DeliveryResult.RetryLater($"timeout {attempt}"), default);
        }

        var stored = await FindAsync(message.Id);
        Assert.Equal((OutboxState.DeadLettered, DispatchOutbox.MaxAttempts, "timeout 10"), (stored.State, stored.Attempts, stored.LastError));
        Assert.Equal([message.Id], (await _world.Store.ReadAsync(session => session.Outbox.DeadLetters(10), default)).Select(dead => dead.Id));
    }

    [Fact]
    public async Task A_delivery_is_not_dead_lettered_before_its_last_attempt()
    {
        var message = await ClaimedAsync();

        for (var attempt = 1; attempt < DispatchOutbox.MaxAttempts; attempt++)
        {
            await _outbox.RecordAsync(message.Id, DeliveryResult.RetryLater("timeout"), default);
        }

        Assert.Equal(OutboxState.Pending, (await FindAsync(message.Id)).State);
    }

    [Fact]
    public async Task Rejected_is_dead_lettered_at_once_with_its_reason()
    {
        var message = await ClaimedAsync();

        await _outbox.RecordAsync(message.Id, DeliveryResult.Rejected("400 BadArgument: Unknown activity type"), default);

        var stored = await FindAsync(message.Id);
        Assert.Equal((OutboxState.DeadLettered, 1, "400 BadArgument: Unknown activity type"), (stored.State, stored.Attempts, stored.LastError));
    }

    [Fact]
    public async Task Recording_again_after_delivery_changes_nothing()
    {
        var message = await ClaimedAsync();
        await _outbox.RecordAsync(message.Id, DeliveryResult.Sent, default);
        var delivered = await FindAsync(message.Id);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await _outbox.RecordAsync(message.Id, DeliveryResult.Sent, default);
        var late = await _outbox.RecordAsync(message.Id, DeliveryResult.Rejected("late"), default);

        Assert.Null(again);
        Assert.Null(late);
        Assert.Equal(delivered, await FindAsync(message.Id));
    }

    [Fact]
    public async Task Recording_for_an_unknown_message_does_nothing()
    {
        Assert.Null(await _outbox.RecordAsync(Guid.NewGuid(), DeliveryResult.Sent, default));
    }

    private async Task<OutboxMessage> EnqueueAsync()
    {
        var message = OutboxMessage.Send(Guid.CreateVersion7(Now), "alice", new Delivery("teams", "{\"address\":1}", "{\"type\":\"message\"}"), Now);
        await _world.Store.WriteAsync(session =>
        {
            session.Outbox.Enqueue(message);
            return true;
        }, default);
        return message;
    }

    private async Task<OutboxMessage> ClaimedAsync()
    {
        var message = await EnqueueAsync();
        return Assert.Single(await _outbox.DueAsync(10, default), due => due.Id == message.Id);
    }

    private async Task<OutboxMessage> FindAsync(Guid id) =>
        await _world.Store.ReadAsync(session => session.Outbox.Find(id), default) ?? throw new InvalidOperationException($"{id} is not stored");
}
