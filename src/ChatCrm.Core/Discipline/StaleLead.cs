using ChatCrm.Core.Assignment;

namespace ChatCrm.Core.Discipline;

/// <summary>An owned open lead found stale, and when its manager is told and it goes back to the pool.</summary>
/// <param name="StaleSince">When it went stale: the inactivity limit passed, or the day of its promised follow-up ended.</param>
/// <param name="PromisePassed">True when it is stale because the promised follow-up day went by.</param>
public sealed record StaleLead(OwnedLeadEntry Entry, DateTimeOffset Anchor, DateTimeOffset StaleSince, DateTimeOffset ManagerDueAt, DateTimeOffset? ReturnDueAt, bool PromisePassed)
{
    /// <summary>
    /// The rules. A lead with a promised next follow-up is judged by the promise: it is stale once
    /// the promised day (in the team's zone) has ended, not before, so a salesperson who planned a
    /// call for next month is not nagged meanwhile. A lead without one is stale once its last
    /// activity (last follow-up, else when its owner got it) is <see cref="StaleThresholds.AfterDays"/> old.
    /// The manager and the pool count from the earlier of the two, so moving the promise on
    /// without ever following up does not keep the manager from hearing of it.
    /// </summary>
    public static StaleLead? Judge(OwnedLeadEntry entry, DateTimeOffset anchor, StaleThresholds thresholds, WorkingHours hours, DateTimeOffset now)
    {
        var idleSince = anchor + thresholds.After;
        DateTimeOffset staleSince;
        DateTimeOffset countFrom;
        if (entry.NextFollowUpAt is { } promised)
        {
            staleSince = DayAfter(promised, hours);
            countFrom = staleSince < idleSince ? staleSince : idleSince;
        }
        else
        {
            staleSince = idleSince;
            countFrom = idleSince;
        }

        if (staleSince > now)
        {
            return null;
        }

        return new StaleLead(entry, anchor, staleSince, countFrom + thresholds.ManagerAfter, countFrom + thresholds.ReturnAfter, entry.NextFollowUpAt is not null);
    }

    /// <summary>Whole days since the last activity, for people to read.</summary>
    public int DaysIdle(DateTimeOffset now) => Math.Max(0, (int)(now - Anchor).TotalDays);

    private static DateTimeOffset DayAfter(DateTimeOffset moment, WorkingHours hours)
    {
        var zone = CrmSettings.ResolveZone(hours.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime).AddDays(1);
        return new CrmSettings(zone, TimeSpan.Zero, TimeSpan.Zero).StartOf(day);
    }
}
