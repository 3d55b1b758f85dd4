namespace ChatCrm.Core.Reports;

/// <summary>
/// What reports leave out and the thresholds some metrics use (ChatCrm:Reports). A lead is left out
/// when it is marked test, demo or internal, or comes from an excluded source, or is owned by an
/// internal account, or carries an internal phone number.
/// </summary>
/// <param name="FirstContactSla">A first follow-up within this long of creation counts as on time.</param>
/// <param name="FollowUpWindow">The follow-up rate's "in the last N days".</param>
public sealed record ReportSettings(
    IReadOnlySet<string> ExcludedSources,
    IReadOnlySet<string> InternalOwners,
    IReadOnlyList<string> InternalPhonePrefixes,
    TimeSpan FirstContactSla,
    TimeSpan FollowUpWindow)
{
    public static ReportSettings Default { get; } = new(
        new HashSet<string>(["test"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(StringComparer.Ordinal),
        [],
        TimeSpan.FromHours(24),
        TimeSpan.FromDays(7));

    /// <summary>Why a lead is left out of every report ("test", "source test", …), or null when it counts.</summary>
    public string? ExclusionOf(Leads.Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return lead.ExcludedAs
            ?? (ExcludedSources.Contains(lead.Source) ? "source" : null)
            ?? (lead.OwnerKey is { } owner && InternalOwners.Contains(owner) ? "internal owner" : null)
            ?? (lead.Phone is { } phone && InternalPhonePrefixes.Any(prefix => phone.E164.StartsWith(prefix, StringComparison.Ordinal)) ? "internal phone" : null);
    }
}
