namespace ChatCrm.Core;

/// <summary>Organisation-wide rules the use cases follow.</summary>
/// <param name="TimeZone">The organisation's zone: lead numbers, "today" and date-only follow-ups use its calendar.</param>
/// <param name="StaleAfter">A lead with no activity for this long is stale.</param>
/// <param name="UndoWindow">How long after a change its author may undo it.</param>
public sealed record CrmSettings(TimeZoneInfo TimeZone, TimeSpan StaleAfter, TimeSpan UndoWindow)
{
    public static CrmSettings Default { get; } = new(ResolveZone("Asia/Shanghai"), TimeSpan.FromDays(7), TimeSpan.FromMinutes(10));

    /// <summary>The moment as the organisation's clocks show it.</summary>
    public DateTimeOffset LocalNow(DateTimeOffset utcNow) => TimeZoneInfo.ConvertTime(utcNow, TimeZone);

    /// <summary>The start of a local day, as a moment.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    public static TimeZoneInfo ResolveZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
        : throw new ArgumentException($"Unknown time zone '{id}'. Use an IANA id such as Asia/Shanghai.", nameof(id));
}
