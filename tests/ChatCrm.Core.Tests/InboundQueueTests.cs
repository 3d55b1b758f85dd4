using ChatCrm.Core.Conversations;

namespace ChatCrm.Core.Tests;

public sealed class InboundQueueTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly InboundQueue _queue;

    public InboundQueueTests() => _queue = new InboundQueue(_world.Store, _world.Clock);

    public void Dispose() => _world.Dispose();

    private Task<InboundWork?> FindAsync(string key) => _world.Store.ReadAsync(session => session.Inbox.Find(key), default);

    [Fact]
    public async Task The_same_key_is_accepted_once_and_handed_out_once_until_its_claim_runs_out()
    {
        Assert.True(await _queue.AcceptAsync("wecom:msg:1", "wecom", "<xml/>", default));
        Assert.False(await _queue.AcceptAsync("wecom:msg:1", "wecom", "<xml/>", default));

        var first = await _queue.DueAsync(10, default);
        var again = await _queue.DueAsync(10, default);
        _world.Clock.Advance(InboundQueue.ClaimFor);

        Assert.Equal(["wecom:msg:1"], first.Select(work => work.Key));
        Assert.Empty(again);
        Assert.Single(await _queue.DueAsync(10, default));
    }

    [Fact]
    public async Task Completed_work_drops_its_payload_keeps_its_key_and_is_not_handed_out_again()
    {
        await _queue.AcceptAsync("wecom:msg:2", "wecom", "<xml>secret text</xml>", default);
        await _queue.DueAsync(10, default);

        await _queue.CompleteAsync("wecom:msg:2", default);
        _world.Clock.Advance(TimeSpan.FromHours(1));

        var done = await FindAsync("wecom:msg:2");
        Assert.Equal((InboundState.Done, null), (done!.State, done.Payload));
        Assert.Empty(await _queue.DueAsync(10, default));
        Assert.False(await _queue.AcceptAsync("wecom:msg:2", "wecom", "<xml/>", default));
    }

    [Fact]
    public async Task Failing_work_is_retried_with_backoff_then_kept_failed_with_its_reason()
    {
        await _queue.AcceptAsync("wecom:msg:3", "wecom", "<xml/>", default);

        for (var attempt = 1; attempt <= InboundQueue.MaxAttempts; attempt++)
        {
            _world.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Single(await _queue.DueAsync(10, default));
            await _queue.FailAsync("wecom:msg:3", $"boom {attempt}", default);
        }

        var failed = await FindAsync("wecom:msg:3");
        Assert.Equal((InboundState.Failed, InboundQueue.MaxAttempts, "boom 5", "<xml/>"), (failed!.State, failed.Attempts, failed.LastError, failed.Payload));
        _world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await _queue.DueAsync(10, default));
    }
}
