using ChatCrm.Core.Intake;

namespace ChatCrm.Core.Tests.Intake;

/// <summary>"Received" is counted in the write that settles a request, once, whatever the outcome.</summary>
public sealed class IntakeCountingTests : IDisposable
{
    private readonly IntakeWorld _intake = new();

    public void Dispose() => _intake.Dispose();

    [Fact]
    public async Task Arriving_counts_nothing_until_the_request_is_settled()
    {
        var arrival = await _intake.Tally.ArriveAsync("webform", default);

        Assert.False(arrival!.Counted);
        Assert.Equal(0, (await _intake.ThisHourAsync("webform")).Received);
        Assert.Null(await _intake.Tally.ArriveAsync("nosuch", default));
    }

    [Fact]
    public async Task An_accepted_request_is_counted_received_and_accepted_together()
    {
        await _intake.AcceptedAsync("webform", ("name", "陈静"), ("phone", "13912345678"));

        var counts = await _intake.ThisHourAsync("webform");
        Assert.Equal((1, 1), (counts.Received, counts.Accepted));
    }

    [Fact]
    public async Task A_rejected_request_is_counted_received_and_rejected_and_a_failed_one_received_only()
    {
        var rejected = (await _intake.Tally.ArriveAsync("webform", default))!;
        var failed = (await _intake.Tally.ArriveAsync("webform", default))!;

        await _intake.Tally.RejectedAsync(rejected, "bad signature", default);
        await _intake.Tally.FailedAsync(failed, "failed on our side", default);

        var counts = await _intake.ThisHourAsync("webform");
        Assert.Equal((2, 1, 0), (counts.Received, counts.Rejected, counts.Accepted));
    }

    [Fact]
    public async Task A_request_counted_at_the_door_is_not_counted_again_when_settled()
    {
        var arrival = (await _intake.Tally.ReceivedAsync("webform", default))!;

        await _intake.Take.HandleAsync(arrival, IntakeWorld.Fields(("name", "陈静"), ("phone", "13912345678")), null, default);

        var counts = await _intake.ThisHourAsync("webform");
        Assert.Equal((1, 1), (counts.Received, counts.Accepted));
    }
}
