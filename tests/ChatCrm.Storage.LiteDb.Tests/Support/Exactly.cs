using ChatCrm.Core.Leads;

namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>
/// Equality that notices what record equality does not: DateTimeOffset equality ignores the offset
/// and decimal equality ignores the scale (12.5 equals 12.50).
/// </summary>
public static class Exactly
{
    public static void Equal(DateTimeOffset expected, DateTimeOffset actual) => Assert.Equal(expected.ToString("O"), actual.ToString("O"));

    public static void Equal(DateTimeOffset? expected, DateTimeOffset? actual) => Assert.Equal(expected?.ToString("O"), actual?.ToString("O"));

    public static void Equal(decimal? expected, decimal? actual) =>
        Assert.Equal(expected?.ToString(System.Globalization.CultureInfo.InvariantCulture), actual?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void Equal(LeadSnapshot expected, LeadSnapshot actual)
    {
        Assert.Equal(expected, actual);
        Equal(expected.Amount, actual.Amount);
        Equal(expected.CreatedAt, actual.CreatedAt);
        Equal(expected.UpdatedAt, actual.UpdatedAt);
        Equal(expected.LastFollowUpAt, actual.LastFollowUpAt);
        Equal(expected.NextFollowUpAt, actual.NextFollowUpAt);
    }
}
