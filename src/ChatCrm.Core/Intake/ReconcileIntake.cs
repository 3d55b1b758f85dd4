using System.Globalization;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>An hour in which a source received requests that have no stored outcome.</summary>
public sealed record IntakeGap(string SourceKey, DateTimeOffset Hour, int Received, int Settled);

/// <summary>
/// Compares, per source and hour, the requests received at the door with those whose outcome was
/// stored (accepted, duplicate, rejected or replayed). A request counted as received but never
/// settled failed after the door (a crash, a store outage, a bug): the lead may be lost, which is
/// what a CRM must never do quietly. Hours where more than the configured share is unsettled alert
/// the admins (one alert per source, listing its hours) through <see cref="RaiseIntegrationAlert"/>,
/// and are marked so they alert once. Only hours that ended a few minutes ago are looked at, so
/// requests still in flight at the end of an hour do not count as lost.
/// </summary>
public sealed class ReconcileIntake(ICrmStore store, TimeProvider clock, RaiseIntegrationAlert alert, IntakeSettings intake, CrmSettings settings)
{
    public const string AlertChannel = "intake";

    /// <summary>How far back unalerted gaps are looked for.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    /// <summary>How long after an hour ends it is looked at: longer than any request takes.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <returns>The gaps found that the admins had not been told about.</returns>
    public async Task<IReadOnlyList<IntakeGap>> HandleAsync(CancellationToken cancellationToken)
    {
        var to = IntakeHourCount.HourOf(clock.GetUtcNow() - Grace);
        var counts = await store.ReadAsync(session => session.Intake.HourCounts(to - Lookback, to), cancellationToken);
        var gaps = counts
            .Where(count => !count.Alerted && count.Received > 0 && count.Unsettled * 100.0 / count.Received > intake.GapPercent)
            .Select(count => new IntakeGap(count.SourceKey, count.Hour, count.Received, count.Settled))
            .ToList();
        foreach (var source in gaps.GroupBy(gap => gap.SourceKey, StringComparer.Ordinal))
        {
            var message = string.Join("; ", source.Select(Describe));
            // None told means this source alerted already this clock hour: its new gaps wait for the next run.
            if (await alert.HandleAsync(AlertChannel, source.Key, message, cancellationToken) == 0)
            {
                continue;
            }

            await store.WriteAsync(session =>
            {
                foreach (var gap in source)
                {
                    session.Intake.MarkAlerted(gap.SourceKey, gap.Hour);
                }

                return true;
            }, cancellationToken);
        }

        return gaps;
    }

    private string Describe(IntakeGap gap) => string.Format(
        CultureInfo.InvariantCulture,
        "{0:yyyy-MM-dd HH:mm}: {1} received, {2} stored",
        settings.LocalNow(gap.Hour),
        gap.Received,
        gap.Settled);
}
