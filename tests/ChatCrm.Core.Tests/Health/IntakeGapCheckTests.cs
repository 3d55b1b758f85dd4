using ChatCrm.Core.Health;
using ChatCrm.Core.Intake;

namespace ChatCrm.Core.Tests.Health;

public sealed class IntakeGapCheckTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Requests_received_without_a_stored_outcome_fail_the_intake_check()
    {
        var hour = IntakeHourCount.HourOf(_world.Clock.GetUtcNow()).AddHours(-2);
        await _world.Store.WriteAsync(session =>
        {
            for (var request = 0; request < 10; request++)
            {
                session.Intake.Count("webform", hour, IntakeOutcome.Received);
            }

            session.Intake.Count("webform", hour, IntakeOutcome.Accepted);
            return true;
        }, default);

        var result = await new IntakeGapCheck(_world.Store, _world.Clock, IntakeSettings.Default).CheckAsync(default);

        Assert.Equal(CheckResult.Failed("webform: 9 of 10 requests in 1 hour(s) have no stored outcome"), result);
    }
}
