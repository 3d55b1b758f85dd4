using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class FollowUpAndUndoTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private Task<Result<FollowUpLogged>> LogAsync(string? lead, string? inbound = null) =>
        new LogFollowUp(_world.Store, _world.Clock).HandleAsync(
            As(Alice, inbound: inbound),
            new FollowUpReport(lead, ContactChannel.Call, Interest.High, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)), "打了电话"),
            default);

    private Task<Result<ChangeUndone>> UndoAsync(User user, Guid? auditId) =>
        new UndoChange(_world.Store, _world.Clock, _world.Settings).HandleAsync(As(user), auditId, default);

    [Fact]
    public async Task A_follow_up_marks_a_new_lead_contacted_and_sets_the_next_date()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为");

        var logged = await LogAsync("王总");

        Assert.Equal(LeadStage.Contacted, logged.Value!.After.Stage);
        Assert.Equal(_world.Clock.GetUtcNow(), logged.Value.After.LastFollowUpAt);
        Assert.Equal(new DateOnly(2026, 11, 25), DateOnly.FromDateTime(logged.Value.After.NextFollowUpAt!.Value.DateTime));
        Assert.Equal(lead.Number, logged.Value.FollowUp.LeadNumber);
    }

    [Fact]
    public async Task A_pool_lead_must_be_claimed_before_a_follow_up()
    {
        var number = await _world.PoolLeadAsync("王总", "east");

        var result = await LogAsync(number);

        Assert.IsType<NotOwned>(result.Error);
    }

    [Fact]
    public async Task The_same_inbound_message_twice_logs_once()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");

        var first = await LogAsync("王总", inbound: "webchat:alice:m1");
        var retry = await LogAsync("王总", inbound: "webchat:alice:m1");

        Assert.True(first.IsSuccess);
        Assert.IsType<AlreadyHandled>(retry.Error);
        var followUps = await _world.Store.ReadAsync(session => session.FollowUps.ListForLead(first.Value!.After.Number, 10), default);
        Assert.Single(followUps);
    }

    [Fact]
    public async Task Undo_deletes_the_follow_up_and_restores_the_lead()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为");
        var logged = await LogAsync("王总");

        var undone = await UndoAsync(Alice, logged.Value!.AuditId);

        Assert.True(undone.IsSuccess);
        var now = await _world.LeadAsync(lead.Number);
        Assert.Equal(LeadStage.New, now!.Stage);
        Assert.Null(now.LastFollowUpAt);
        Assert.Empty(await _world.Store.ReadAsync(session => session.FollowUps.ListForLead(lead.Number, 10), default));
    }

    [Fact]
    public async Task Undo_without_an_id_reverts_my_latest_change_in_this_chat()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总", "华为");
        await new ChangeStage(_world.Store, _world.Clock).HandleAsync(As(Alice), "华为", LeadStage.Proposal, default);

        var undone = await UndoAsync(Alice, null);

        Assert.Equal(AuditActions.ChangeStage, undone.Value!.Original.Action);
        Assert.Equal(LeadStage.New, (await _world.LeadAsync(lead.Number))!.Stage);
    }

    [Fact]
    public async Task Undo_after_the_window_is_refused()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");
        var logged = await LogAsync("王总");
        _world.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var undone = await UndoAsync(Alice, logged.Value!.AuditId);

        Assert.Equal("expired", Assert.IsType<CannotUndo>(undone.Error).Reason);
    }

    [Fact]
    public async Task Undo_is_refused_when_the_lead_changed_since()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");
        var logged = await LogAsync("王总");
        await new ChangeStage(_world.Store, _world.Clock).HandleAsync(As(Wang), "华为", LeadStage.Proposal, default);

        var undone = await UndoAsync(Alice, logged.Value!.AuditId);

        Assert.Equal("changed", Assert.IsType<CannotUndo>(undone.Error).Reason);
    }

    [Fact]
    public async Task Only_the_author_may_undo_a_change()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");
        var logged = await LogAsync("王总");

        var undone = await UndoAsync(Wang, logged.Value!.AuditId);

        Assert.IsType<CannotUndo>(undone.Error);
    }

    [Fact]
    public async Task Undoing_twice_is_refused()
    {
        await _world.NewLeadAsync(Alice, "王总", "华为");
        var logged = await LogAsync("王总");
        await UndoAsync(Alice, logged.Value!.AuditId);

        var again = await UndoAsync(Alice, logged.Value!.AuditId);

        Assert.Equal("already", Assert.IsType<CannotUndo>(again.Error).Reason);
    }
}
