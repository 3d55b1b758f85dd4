using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class ReviewDeadLettersTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly DispatchOutbox _outbox;
    private readonly ReviewDeadLetters _review;

    public ReviewDeadLettersTests()
    {
        _outbox = new DispatchOutbox(_world.Store, _world.Clock);
        _review = new ReviewDeadLetters(_world.Store, _world.Clock);
    }

    public void Dispose() => _world.Dispose();

    private DateTimeOffset Now => _world.Clock.GetUtcNow();

    [Fact]
    public async Task An_admin_sees_dead_letters_newest_first_with_the_last_error()
    {
        var older = await DeadLetterAsync("403 Forbidden");
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await DeadLetterAsync("400 BadArgument");

        var listed = await _review.ListAsync(As(Admin), default);

        Assert.Equal([newer, older], listed.Value!.Select(message => message.Id));
        Assert.Equal("400 BadArgument", listed.Value![0].LastError);
    }

    [Fact]
    public async Task Replay_by_the_listed_short_id_puts_it_back_in_line_now_with_fresh_attempts_and_is_audited()
    {
        var id = await DeadLetterAsync("403");
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var replayed = await _review.ReplayAsync(As(Admin), "#" + ReviewDeadLetters.ShortId(id), default);

        Assert.Equal((id, OutboxState.Pending, 0, Now), (replayed.Value!.Id, replayed.Value.State, replayed.Value.Attempts, replayed.Value.NextAttemptAt));
        Assert.Equal([id], (await _outbox.DueAsync(10, default)).Select(due => due.Id));
        var audit = await _world.Store.ReadAsync(session => session.Audit.RecentBy("admin", null, DateTimeOffset.MinValue, 10), default);
        Assert.Contains(audit, entry => entry.Action == AuditActions.ReplayMessage && entry.Detail == id.ToString());
    }

    [Fact]
    public async Task Only_admins_see_or_replay_dead_letters()
    {
        var id = await DeadLetterAsync("403");

        Assert.IsType<NotPermitted>((await _review.ListAsync(As(Wang), default)).Error);
        Assert.IsType<NotPermitted>((await _review.ReplayAsync(As(Wang), id.ToString(), default)).Error);
        Assert.Empty(await _outbox.DueAsync(10, default));
    }

    [Fact]
    public async Task A_message_that_is_not_dead_or_a_reference_too_short_is_refused_and_nothing_changes()
    {
        var dead = await DeadLetterAsync("403");
        var pending = await EnqueueAsync();

        Assert.IsType<InvalidValue>((await _review.ReplayAsync(As(Admin), pending.ToString(), default)).Error);
        Assert.IsType<InvalidValue>((await _review.ReplayAsync(As(Admin), dead.ToString("N")[..2], default)).Error);
        Assert.IsType<MissingValue>((await _review.ReplayAsync(As(Admin), " ", default)).Error);
        Assert.Equal(OutboxState.DeadLettered, (await _world.Store.ReadAsync(session => session.Outbox.Find(dead), default))!.State);
    }

    private async Task<Guid> EnqueueAsync()
    {
        var message = OutboxMessage.Send(Guid.CreateVersion7(Now), "alice", new Delivery("teams", "{}", "{\"type\":\"message\"}"), Now);
        await _world.Store.WriteAsync(session =>
        {
            session.Outbox.Enqueue(message);
            return true;
        }, default);
        return message.Id;
    }

    private async Task<Guid> DeadLetterAsync(string reason)
    {
        var id = await EnqueueAsync();
        await _outbox.DueAsync(10, default);
        await _outbox.RecordAsync(id, DeliveryResult.Rejected(reason), default);
        return id;
    }
}
