using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Tests.Discipline;

// CrmWorld starts on Wednesday 2026-11-18 10:00 in Shanghai; a team not configured works
// Monday to Friday 09:00-18:00 there.
public sealed class StaleLeadScanTests : IDisposable
{
    private readonly DisciplineDesk _desk = new();

    [Fact]
    public async Task Owner_is_reminded_once_the_lead_has_gone_seven_days_without_a_follow_up()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(11, 25, 9, 59);
        await _desk.StaleScan.RunAsync(default);
        Assert.Empty(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));

        _desk.At(11, 25, 10, 0);
        await _desk.StaleScan.RunAsync(default);

        var notice = Assert.Single(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));
        var line = Assert.Single(NoticeLeadLine.Decode(notice.Args["leads"]));
        Assert.Equal((lead, 7), (line.LeadNumber, line.Days));
    }

    [Fact]
    public async Task A_passed_promise_makes_the_lead_stale_once_the_promised_day_is_over()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead, next: new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.FromHours(8)));

        _desk.At(11, 19, 17, 0);
        await _desk.StaleScan.RunAsync(default);
        Assert.Empty(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));

        _desk.At(11, 20, 9, 0);
        await _desk.StaleScan.RunAsync(default);
        var line = Assert.Single(NoticeLeadLine.Decode(Assert.Single(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner)).Args["leads"]));
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.FromHours(8)), line.When);
    }

    [Fact]
    public async Task A_future_promise_keeps_an_idle_lead_from_going_stale()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead, next: new DateTimeOffset(2026, 12, 18, 0, 0, 0, TimeSpan.FromHours(8)));

        _desk.At(12, 1, 10);
        await _desk.StaleScan.RunAsync(default);

        Assert.Empty(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));
    }

    [Fact]
    public async Task A_second_run_the_same_day_sends_nothing_and_the_next_day_sends_again()
    {
        await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(11, 25, 10);
        await _desk.StaleScan.RunAsync(default);
        _desk.At(11, 25, 17);
        await _desk.StaleScan.RunAsync(default);
        Assert.Single(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));

        _desk.At(11, 26, 9);
        await _desk.StaleScan.RunAsync(default);
        Assert.Equal(2, (await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner)).Count);
    }

    [Theory]
    [InlineData(11, 25, 8)] // before the day starts
    [InlineData(11, 25, 18)] // after it ends
    [InlineData(11, 28, 10)] // a Saturday
    public async Task Outside_working_hours_nothing_is_sent(int month, int day, int hour)
    {
        await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(month, day, hour);

        var outcome = await _desk.StaleScan.RunAsync(default);

        Assert.Equal(0, outcome.Count);
        Assert.Empty(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));
    }

    [Fact]
    public async Task The_manager_is_told_three_more_days_on_and_only_once()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(11, 27, 10); // stale since 11-25: two days
        await _desk.StaleScan.RunAsync(default);
        Assert.Empty(await _desk.NoticesAsync("wang", Notices.StaleLeadsManager));

        _desk.At(11, 30, 10); // Monday, five days stale
        await _desk.StaleScan.RunAsync(default);
        _desk.At(12, 1, 10);
        await _desk.StaleScan.RunAsync(default);

        var notice = Assert.Single(await _desk.NoticesAsync("wang", Notices.StaleLeadsManager));
        var line = Assert.Single(NoticeLeadLine.Decode(notice.Args["leads"]));
        Assert.Equal((lead, "alice"), (line.LeadNumber, line.Person));
    }

    [Fact]
    public async Task A_follow_up_ends_the_episode_so_the_manager_hears_of_the_next_one()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(11, 30, 10);
        await _desk.StaleScan.RunAsync(default);
        await _desk.FollowUpAsync(CrmWorld.Alice, lead);
        await _desk.StaleScan.RunAsync(default);
        Assert.Null(await _desk.World.Store.ReadAsync(session => session.FollowUpDiscipline.StaleMarks().FirstOrDefault(mark => mark.LeadNumber == lead), default));

        _desk.At(12, 10, 10); // ten days after that follow-up
        await _desk.StaleScan.RunAsync(default);

        Assert.Equal(2, (await _desk.NoticesAsync("wang", Notices.StaleLeadsManager)).Count);
    }

    [Fact]
    public async Task Moving_the_promise_on_without_a_follow_up_does_not_start_a_new_episode_for_the_manager()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(11, 30, 10);
        await _desk.StaleScan.RunAsync(default);
        await _desk.Plan.HandleAsync(CrmWorld.As(CrmWorld.Alice), [lead], new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(8)), default);

        _desk.At(12, 1, 10); // promised for the 3rd: not stale, and the mark stays
        await _desk.StaleScan.RunAsync(default);
        _desk.At(12, 4, 10); // the promised day went by: stale again, same episode
        await _desk.StaleScan.RunAsync(default);

        Assert.Single(await _desk.NoticesAsync("wang", Notices.StaleLeadsManager));
        Assert.Equal(2, (await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner)).Count);
    }

    [Fact]
    public async Task Twelve_stale_leads_are_one_notice_showing_ten_and_counting_all()
    {
        for (var index = 0; index < 12; index++)
        {
            await _desk.OwnedLeadAsync(CrmWorld.Alice, $"客户{index}");
        }

        _desk.At(11, 25, 11);
        await _desk.StaleScan.RunAsync(default);

        var notice = Assert.Single(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));
        Assert.Equal(("12", 10), (notice.Args["count"], NoticeLeadLine.Decode(notice.Args["leads"]).Count));
    }

    [Fact]
    public async Task Returning_to_the_pool_is_off_by_default()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        _desk.At(12, 18, 10);

        await _desk.StaleScan.RunAsync(default);

        Assert.Equal("alice", (await _desk.World.LeadAsync(lead))!.OwnerKey);
    }

    [Fact]
    public async Task When_on_a_lead_stale_for_K_days_returns_to_the_pool_audited_as_the_system_and_both_are_told()
    {
        using var desk = new DisciplineDesk(policy: new StaleLeadPolicy(StaleThresholds.Default, new Dictionary<string, StaleThresholds> { ["east"] = new(7, 3, 5) }));
        var lead = await desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        desk.At(11, 27, 10); // two days stale
        await desk.StaleScan.RunAsync(default);
        Assert.Equal("alice", (await desk.World.LeadAsync(lead))!.OwnerKey);

        desk.At(11, 30, 10); // five days stale
        await desk.StaleScan.RunAsync(default);

        Assert.Null((await desk.World.LeadAsync(lead))!.OwnerKey);
        var audit = await desk.World.Store.ReadAsync(session => session.Audit.ForLead(lead, 1)[0], default);
        Assert.Equal((AuditActions.ReturnLead, DisciplineActor.Key), (audit.Action, audit.ActorKey));
        Assert.Single(await desk.NoticesAsync("alice", Notices.StaleLeadsReturned));
        Assert.Single(await desk.NoticesAsync("wang", Notices.StaleLeadsReturned));
    }

    [Fact]
    public async Task A_lead_claimed_late_counts_from_the_claim_not_from_its_creation()
    {
        var lead = await _desk.World.PoolLeadAsync("公海客户", "east");
        _desk.At(11, 30, 10); // twelve days in the pool
        await new Leads.ClaimLead(_desk.World.Store, _desk.Clock).HandleAsync(CrmWorld.As(CrmWorld.Alice), lead, default);

        _desk.At(12, 4, 10);
        await _desk.StaleScan.RunAsync(default);
        Assert.Empty(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));

        _desk.At(12, 7, 10);
        await _desk.StaleScan.RunAsync(default);
        Assert.Single(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));
    }

    public void Dispose() => _desk.Dispose();
}
