using ChatCrm.Core.Audit;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Tests.Discipline;

public sealed class NextStepPromptTests : IDisposable
{
    private readonly DisciplineDesk _desk = new();

    [Fact]
    public async Task A_follow_up_without_a_next_date_is_prompted_once_after_the_wait()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead);

        _desk.Advance(TimeSpan.FromMinutes(29));
        await _desk.NextStep.RunAsync(default);
        Assert.Empty(await _desk.NoticesAsync("alice", Notices.NextStepMissing));

        _desk.Advance(TimeSpan.FromMinutes(2));
        await _desk.NextStep.RunAsync(default);
        await _desk.NextStep.RunAsync(default);
        _desk.Advance(TimeSpan.FromMinutes(15));
        await _desk.NextStep.RunAsync(default);

        var notice = Assert.Single(await _desk.NoticesAsync("alice", Notices.NextStepMissing));
        Assert.Equal(lead, Assert.Single(NoticeLeadLine.Decode(notice.Args["leads"])).LeadNumber);
    }

    [Fact]
    public async Task A_date_said_in_a_second_message_within_the_wait_means_no_prompt()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead);
        _desk.Advance(TimeSpan.FromMinutes(3));
        await _desk.FollowUpAsync(CrmWorld.Alice, lead, "下周三再跟进", next: CrmWorld.Start.AddDays(7));

        _desk.Advance(TimeSpan.FromHours(1));
        await _desk.NextStep.RunAsync(default);

        Assert.Empty(await _desk.NoticesAsync("alice", Notices.NextStepMissing));
    }

    [Fact]
    public async Task Several_follow_ups_are_one_prompt_per_salesperson()
    {
        var first = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        var second = await _desk.OwnedLeadAsync(CrmWorld.Alice, "李总");
        await _desk.FollowUpAsync(CrmWorld.Alice, first);
        await _desk.FollowUpAsync(CrmWorld.Alice, second);
        _desk.Advance(TimeSpan.FromHours(1));

        await _desk.NextStep.RunAsync(default);

        var notice = Assert.Single(await _desk.NoticesAsync("alice", Notices.NextStepMissing));
        Assert.Equal([first, second], NoticeLeadLine.Decode(notice.Args["leads"]).Select(line => line.LeadNumber).Order());
    }

    [Fact]
    public async Task The_button_sets_the_next_follow_up_with_an_audit_entry()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead);
        var tomorrow = new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.FromHours(8));

        var planned = await _desk.Plan.HandleAsync(CrmWorld.As(CrmWorld.Alice), [lead], tomorrow, default);

        Assert.True(planned.IsSuccess);
        Assert.Equal(tomorrow, (await _desk.World.LeadAsync(lead))!.NextFollowUpAt);
        var audit = await _desk.World.Store.ReadAsync(session => session.Audit.ForLead(lead, 1)[0], default);
        Assert.Equal((AuditActions.PlanFollowUp, "alice"), (audit.Action, audit.ActorKey));
    }

    [Fact]
    public async Task Only_the_owner_may_plan_the_next_follow_up()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");

        var planned = await _desk.Plan.HandleAsync(CrmWorld.As(CrmWorld.Bob), [lead], CrmWorld.Start.AddDays(1), default);

        Assert.False(planned.IsSuccess);
        Assert.Null((await _desk.World.LeadAsync(lead))!.NextFollowUpAt);
    }

    public void Dispose() => _desk.Dispose();
}
