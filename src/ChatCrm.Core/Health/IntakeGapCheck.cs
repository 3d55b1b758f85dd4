using System.Globalization;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Health;

/// <summary>
/// Intake is healthy while every source stored an outcome for (nearly) every request it received
/// in the last day's ended hours, as <see cref="ReconcileIntake"/> measures it; an hour with a gap
/// keeps the incident open until it leaves that day.
/// </summary>
public sealed class IntakeGapCheck(ICrmStore store, TimeProvider clock, IntakeSettings intake) : IIntegrationCheck
{
    public const string IntegrationName = "intake";

    public string Name => IntegrationName;

    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var to = IntakeHourCount.HourOf(clock.GetUtcNow() - ReconcileIntake.Grace);
        var counts = await store.ReadAsync(session => session.Intake.HourCounts(to - ReconcileIntake.Lookback, to), cancellationToken);
        var gaps = counts
            .Where(count => count.Received > 0 && count.Unsettled * 100.0 / count.Received > intake.GapPercent)
            .GroupBy(count => count.SourceKey, StringComparer.Ordinal)
            .Select(source => string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1} of {2} requests in {3} hour(s) have no stored outcome",
                source.Key,
                source.Sum(count => count.Unsettled),
                source.Sum(count => count.Received),
                source.Count()))
            .ToList();
        return gaps.Count == 0 ? CheckResult.Ok : CheckResult.Failed(string.Join("; ", gaps));
    }
}
