using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Approvals;

public sealed class ApprovalFlowTests : IDisposable
{
    private readonly CrmWorld _world = new();
    private readonly ApprovalDesk _desk;

    public ApprovalFlowTests() => _desk = new ApprovalDesk(_world);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_delete_request_waits_for_the_requester_s_code_and_stores_only_its_hash()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");

        var opened = (await _desk.Delete.HandleAsync(As(Wang), lead.Number, "客户要求删除", default)).Value!;

        var stored = await _world.Store.ReadAsync(session => session.Approvals.Find(opened.Request.Number), default);
        Assert.Equal(ApprovalState.AwaitingConfirmation, stored!.State);
        Assert.Matches("^[0-9]{6}$", opened.Code);
        Assert.DoesNotContain(opened.Code, stored.CodeHash, StringComparison.Ordinal);
        Assert.Empty(await _desk.NoticesForAsync("admin"));
        Assert.NotNull(await _world.LeadAsync(lead.Number));
    }

    [Fact]
    public async Task The_manager_s_own_request_goes_to_the_admins_and_a_salesperson_s_to_their_manager()
    {
        var managers = await _world.Store.ReadAsync(session => ChatCrm.Core.Approvals.ApprovalDesk.ApproversOf(session, Wang), default);
        var salespeople = await _world.Store.ReadAsync(session => ChatCrm.Core.Approvals.ApprovalDesk.ApproversOf(session, Alice), default);

        Assert.Equal(["admin"], managers);
        Assert.Equal(["wang"], salespeople);
    }

    [Fact]
    public async Task Confirming_sends_the_approver_a_card_and_approval_moves_the_lead_to_the_bin()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        var card = Assert.Single(await _desk.NoticesForAsync("admin"));

        var decided = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);

        Assert.Equal(Notices.ApprovalAsked, card.Notice!.Kind);
        Assert.Equal(ApprovalState.Done, decided.Value!.State);
        Assert.Null(await _world.LeadAsync(lead.Number));
        Assert.NotNull(await _world.Store.ReadAsync(session => session.RecycleBin.Find(lead.Number), default));
        Assert.Contains(await _desk.NoticesForAsync("wang"), message => message.Notice?.Kind == Notices.ApprovalFinished && message.Notice.Args["state"] == "Done");
    }

    [Fact]
    public async Task A_wrong_code_changes_nothing_and_five_void_the_request()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var opened = (await _desk.Delete.HandleAsync(As(Wang), lead.Number, "客户要求删除", default)).Value!;
        var wrong = opened.Code == "000000" ? "111111" : "000000";

        CrmError? last = null;
        for (var attempt = 0; attempt < ChatCrm.Core.Approvals.ApprovalDesk.MaxWrongCodes; attempt++)
        {
            last = (await _desk.Confirm.HandleAsync(As(Wang), wrong, default)).Error;
        }

        Assert.Equal(0, Assert.IsType<WrongApprovalCode>(last).AttemptsLeft);
        Assert.IsType<ApprovalNotFound>((await _desk.Confirm.HandleAsync(As(Wang), opened.Code, default)).Error);
        Assert.Empty(await _desk.NoticesForAsync("admin"));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_then_nothing_runs()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);

        var bare = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: false, null, default);
        var rejected = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: false, "客户还在合作", default);

        Assert.Equal("reason", Assert.IsType<MissingValue>(bare.Error).Field);
        Assert.Equal(ApprovalState.Rejected, rejected.Value!.State);
        Assert.NotNull(await _world.LeadAsync(lead.Number));
    }

    [Fact]
    public async Task A_second_press_of_approve_does_nothing_twice()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);

        var again = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);

        Assert.Equal(ApprovalState.Done, Assert.IsType<ApprovalClosed>(again.Error).State);
        var deletes = await _world.Store.ReadAsync(session => session.Audit.ForLead(lead.Number, 20).Count(entry => entry.Action == AuditActions.DeleteLead), default);
        Assert.Equal(1, deletes);
    }

    [Fact]
    public async Task Someone_who_is_not_an_approver_cannot_decide()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);

        var result = await _desk.Decide.HandleAsync(As(Bob), confirmed.Number, approve: true, null, default);

        Assert.IsType<ApprovalNotFound>(result.Error);
        Assert.NotNull(await _world.LeadAsync(lead.Number));
    }

    [Fact]
    public async Task Approval_after_24_hours_finds_the_request_expired_and_runs_nothing()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        _world.Clock.Advance(TimeSpan.FromHours(24));

        var late = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);

        Assert.Equal(ApprovalState.Expired, Assert.IsType<ApprovalClosed>(late.Error).State);
        Assert.NotNull(await _world.LeadAsync(lead.Number));
    }

    [Fact]
    public async Task The_expiry_job_closes_undecided_requests_once_and_tells_the_requester()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        _world.Clock.Advance(TimeSpan.FromHours(25));

        var first = await _desk.Expire.RunAsync(default);
        var second = await _desk.Expire.RunAsync(default);

        Assert.Equal(1, first.Count);
        Assert.Equal(0, second.Count);
        Assert.Single(await _desk.NoticesForAsync("wang"), message => message.Notice?.Args["state"] == "Expired");
    }

    [Fact]
    public async Task The_operation_re_checks_the_requester_at_approval_and_fails_if_they_lost_the_right()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        await _desk.SaveAsync(Wang with { DeactivatedAt = _world.Clock.GetUtcNow() });

        var decided = await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, null, default);

        Assert.Equal(ApprovalState.Failed, decided.Value!.State);
        Assert.Equal("not_permitted", decided.Value.Outcome!["error"]);
        Assert.NotNull(await _world.LeadAsync(lead.Number));
    }

    [Fact]
    public async Task Undo_does_not_take_back_a_request()
    {
        var lead = await _world.NewLeadAsync(Wang, "王总");
        await _desk.Delete.HandleAsync(As(Wang), lead.Number, "客户要求删除", default);

        var undo = await new UndoChange(_world.Store, _world.Clock, _world.Settings).HandleAsync(As(Wang), null, default);

        Assert.IsType<CannotUndo>(undo.Error);
    }

    [Fact]
    public async Task Nobody_else_to_approve_means_no_request()
    {
        await _desk.SaveAsync(Admin with { DeactivatedAt = _world.Clock.GetUtcNow() });
        var lead = await _world.NewLeadAsync(Alice, "王总");

        var asked = await _desk.Delete.HandleAsync(As(Wang), lead.Number, "客户要求删除", default);

        Assert.IsType<NoApprover>(asked.Error);
    }

    [Fact]
    public async Task Every_step_is_audited()
    {
        var lead = await _world.NewLeadAsync(Alice, "王总");
        var confirmed = await _desk.ConfirmedDeleteAsync(Wang, lead.Number);
        await _desk.Decide.HandleAsync(As(Admin), confirmed.Number, approve: true, "同意", default);

        var steps = await _world.Store.ReadAsync(session =>
            session.Audit.RecentBy("wang", "c1", Start.AddDays(-1), 20).Concat(session.Audit.RecentBy("admin", "c1", Start.AddDays(-1), 20)).Concat(session.Audit.RecentBy("approvals", null, Start.AddDays(-1), 20))
                .Select(entry => entry.Action).ToHashSet(), default);

        Assert.Superset(new HashSet<string> { AuditActions.RequestApproval, AuditActions.ConfirmApproval, AuditActions.ApproveRequest, AuditActions.RunApproved }, steps);
    }
}
