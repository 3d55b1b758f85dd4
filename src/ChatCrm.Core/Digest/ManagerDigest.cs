namespace ChatCrm.Core.Digest;

/// <summary>
/// One team's digest for one local date, as sent: the numbers as the store had them at
/// <see cref="AsOf"/>, the leads behind them (the first <see cref="DigestFigures.MostListed"/>),
/// and who received it. Stored when sent, so it is sent once and the report page shows the same numbers.
/// </summary>
/// <param name="Date">The team's local date the digest was sent on; "yesterday" is the day before it.</param>
/// <param name="TimeZone">The team's zone (IANA id), whose calendar the days are counted in.</param>
/// <param name="NewYesterday">Leads of the team created yesterday.</param>
/// <param name="NewDayBefore">Leads of the team created the day before yesterday.</param>
/// <param name="FollowUpsYesterday">Follow-ups the team's people made yesterday (ids).</param>
/// <param name="Stale">Owned open leads gone quiet or past their next follow-up, at <see cref="AsOf"/>.</param>
/// <param name="Fastest">The three quickest responders over the <see cref="DigestFigures.ResponsePeriod"/> before <see cref="AsOf"/>.</param>
/// <param name="Metrics">The numbers of the metrics dictionary it showed (see <see cref="DigestMetrics"/>); empty for digests sent before it showed them.</param>
/// <param name="Exceptions">The leads it listed for a look today, worst first.</param>
/// <param name="ExceptionCounts">How many leads of each exception kind the team had.</param>
public sealed record ManagerDigest(
    string TeamKey,
    string TeamName,
    DateOnly Date,
    string TimeZone,
    DateTimeOffset AsOf,
    DigestSample NewYesterday,
    DigestSample NewDayBefore,
    DigestSample FollowUpsYesterday,
    DigestSample Stale,
    IReadOnlyList<ResponderTime> Fastest,
    IReadOnlyList<string> RecipientKeys,
    IReadOnlyList<DigestMetric>? Metrics = null,
    IReadOnlyList<DigestException>? Exceptions = null,
    IReadOnlyDictionary<DigestExceptionKind, int>? ExceptionCounts = null)
{
    public IReadOnlyList<DigestMetric> Metrics { get; init; } = Metrics ?? [];

    public IReadOnlyList<DigestException> Exceptions { get; init; } = Exceptions ?? [];

    public IReadOnlyDictionary<DigestExceptionKind, int> ExceptionCounts { get; init; } = ExceptionCounts ?? new Dictionary<DigestExceptionKind, int>();

    public DateOnly Yesterday => Date.AddDays(-1);
}
