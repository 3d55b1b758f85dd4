namespace ChatCrm.Core.Digest;

/// <summary>A day on a zone's calendar as the moments it spans: 23 or 25 hours across a daylight-saving change.</summary>
public static class LocalDay
{
    /// <summary>The first moment of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips midnight, the day starts when the clocks resume.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static (DateTimeOffset From, DateTimeOffset To) Span(DateOnly day, TimeZoneInfo zone) => (Start(day, zone), Start(day.AddDays(1), zone));
}
