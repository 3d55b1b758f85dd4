using System.Globalization;

namespace ChatCrm.Core.Reports.Tallies;

/// <summary>
/// What a lead's share of the report tallies depends on besides the lead: the organisation's
/// calendar (which day a moment falls on) and what reports leave out. Tallies kept under one set of
/// rules answer only questions asked under the same rules; the <see cref="Fingerprint"/> tells.
/// </summary>
public sealed record TallyRules(TimeZoneInfo Zone, ReportSettings Settings)
{
    public static TallyRules Default { get; } = new(CrmSettings.ResolveZone("Asia/Shanghai"), ReportSettings.Default);

    public static TallyRules Of(CrmSettings crm, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(crm);
        return new(crm.TimeZone, settings);
    }

    /// <summary>The rules as one string: tallies written under other rules count other leads on other days.</summary>
    public string Fingerprint => string.Join(';',
        "v1",
        Zone.Id,
        string.Join(',', Settings.ExcludedSources.Select(source => source.ToLowerInvariant()).Order(StringComparer.Ordinal)),
        string.Join(',', Settings.InternalOwners.Order(StringComparer.Ordinal)),
        string.Join(',', Settings.InternalPhonePrefixes.Order(StringComparer.Ordinal)));

    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static string MonthKey(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
