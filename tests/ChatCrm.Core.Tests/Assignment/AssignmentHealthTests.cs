using ChatCrm.Core.Assignment;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Assignment;

/// <summary>What an admin is told about assignment: how fast leads are claimed, what is stuck, what failed and why.</summary>
public sealed class AssignmentHealthTests : IDisposable
{
    private readonly AssignmentDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    private AssignmentHealth Health => new(_desk.World.Store, _desk.Clock);

    [Fact]
    public async Task The_report_gives_median_and_p95_intake_to_claim_and_failures_by_reason()
    {
        // Claimed after 1, 2, 3 and 10 minutes.
        foreach (var minutes in new[] { 1, 2, 3, 10 })
        {
            var number = await _desk.IntakeAsync($"客户{minutes}");
            await _desk.RunAsync();
            _desk.Clock.Advance(TimeSpan.FromMinutes(minutes));
            var lead = await _desk.LeadAsync(number);
            await _desk.Claim.HandleAsync(As(lead.AssigneeKey == "alice" ? Alice : Bob), number, default);
            _desk.Clock.Advance(-TimeSpan.FromMinutes(minutes) + TimeSpan.FromMinutes(11));
        }

        // One offer declined, then nobody left in a team of two: escalated.
        var refused = await _desk.IntakeAsync("没人要");
        await _desk.RunAsync();
        var first = (await _desk.LeadAsync(refused)).AssigneeKey == "alice" ? Alice : Bob;
        await _desk.Decline.HandleAsync(As(first), refused, default);
        await _desk.Decline.HandleAsync(As(first == Alice ? Bob : Alice), refused, default);

        var report = (await Health.HandleAsync(As(Admin), default)).Value!;

        Assert.Equal((5, 4), (report.Requested, report.Claimed));
        Assert.Equal((TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)), (report.MedianToClaim, report.P95ToClaim));
        Assert.Equal(1, report.EscalatedUnclaimed);
        Assert.Equal([KeyValuePair.Create(AssignmentHealth.OfferDeclined, 2), KeyValuePair.Create("no_candidate", 1)], report.FailuresByReason);
    }

    [Fact]
    public async Task A_lead_whose_window_ran_out_without_the_engine_moving_it_is_reported_stuck()
    {
        var number = await _desk.IntakeAsync("周经理");
        await _desk.RunAsync();
        _desk.Clock.Advance(TimeSpan.FromMinutes(35));

        var report = (await Health.HandleAsync(As(Admin), default)).Value!;

        var stuck = Assert.Single(report.Stuck);
        Assert.Equal((number, AssignmentState.Offered, "alice"), (stuck.LeadNumber, stuck.State, stuck.UserKey));
        Assert.Equal(1, report.Open);
        Assert.Null(report.MedianToClaim);
    }

    [Fact]
    public async Task Only_an_admin_may_see_it() =>
        Assert.IsType<NotPermitted>((await Health.HandleAsync(As(Wang), default)).Error);

    [Theory]
    [InlineData(EscalationReason.OffersExhausted, "offers_exhausted")]
    [InlineData(EscalationReason.NoTeam, "no_team")]
    [InlineData(EscalationReason.EvaluationTooSlow, "evaluation_too_slow")]
    public void Reasons_have_stable_codes(EscalationReason reason, string code) => Assert.Equal(code, AssignmentHealth.Code(reason));
}
