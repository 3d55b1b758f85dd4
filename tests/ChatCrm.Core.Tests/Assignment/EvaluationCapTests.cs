using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Assignment;

/// <summary>Weighing the candidates for one lead is capped: past 8 seconds the lead escalates instead of looping.</summary>
public sealed class EvaluationCapTests
{
    [Fact]
    public async Task An_evaluation_running_past_eight_seconds_escalates_with_the_candidates_it_never_reached()
    {
        using var desk = new AssignmentDesk(new SlowClock(CrmWorld.Start, TimeSpan.FromSeconds(3)));
        var number = await desk.IntakeAsync("周经理");

        var move = Assert.Single(await desk.RunAsync());

        Assert.Equal((AssignmentMoveKind.Escalated, EscalationReason.EvaluationTooSlow), (move.Kind, move.Reason));
        var assignment = await desk.AssignmentAsync(number);
        Assert.Contains(new CandidateCheck("wang", CandidateVerdict.NotEvaluated), assignment.Candidates);
        Assert.True(assignment.Steps[^1].Took > TimeSpan.FromSeconds(8));
        Assert.Empty(await desk.NoticesAsync("alice", Notices.LeadOffered));
        Assert.Equal("EvaluationTooSlow", Assert.Single(await desk.NoticesAsync("wang", Notices.AssignmentEscalated)).Args["reason"]);
    }

    [Fact]
    public async Task An_evaluation_within_the_cap_offers_as_usual()
    {
        using var desk = new AssignmentDesk(new SlowClock(CrmWorld.Start, TimeSpan.FromSeconds(1)));
        await desk.IntakeAsync("周经理");

        Assert.Equal(AssignmentMoveKind.Offered, Assert.Single(await desk.RunAsync()).Kind);
    }

    /// <summary>A clock on which every reading of the stopwatch takes <paramref name="step"/>: a slow store, as the engine sees it.</summary>
    private sealed class SlowClock(DateTimeOffset start, TimeSpan step) : FakeTimeProvider(start)
    {
        public override long GetTimestamp()
        {
            Advance(step);
            return base.GetTimestamp();
        }
    }
}
