using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Preferences;

/// <summary>
/// The clock a person lives by: their team's working-hours zone from the assignment rulebook, else
/// the organisation's zone. Quiet hours and "snooze to tomorrow" are read on it.
/// </summary>
public static class PersonalTimeZone
{
    public static TimeZoneInfo Of(ICrmSession session, User? user, CrmSettings settings) =>
        Of(session.AssignmentRules.Find(), user, settings);

    /// <summary>For many people at once: the rulebook read once.</summary>
    public static TimeZoneInfo Of(AssignmentRulebook? rulebook, User? user, CrmSettings settings) =>
        user?.TeamKey is { } team && rulebook is not null
        && TimeZoneInfo.TryFindSystemTimeZoneById(rulebook.HoursOf(team, settings).TimeZone, out var zone)
            ? zone
            : settings.TimeZone;

    /// <summary>
    /// The moment a wall clock in <paramref name="zone"/> shows <paramref name="time"/> on
    /// <paramref name="date"/>. A time skipped by a spring-forward change is read an hour later (the
    /// clock's first valid minute after it); a time shown twice in autumn is its later occurrence.
    /// </summary>
    public static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
