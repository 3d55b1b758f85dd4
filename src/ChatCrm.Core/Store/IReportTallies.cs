using ChatCrm.Core.Reports.Tallies;

namespace ChatCrm.Core.Store;

/// <summary>
/// The report tallies: per team and day (and the same by month), per team and stage, and per owner
/// the teams they hold leads in, kept by the store in the same transaction as every change to a
/// lead (each lead's <see cref="LeadShare"/> under the store's <see cref="TallyRules"/>), so a
/// report reads a few pages instead of every lead.
/// </summary>
public interface IReportTallies
{
    /// <summary>The fingerprint of the rules the stored tallies hold every lead under; null while they do not (never counted, or counted under other rules).</summary>
    string? CountedUnder();

    /// <summary>The day pages of these teams (every team when null) from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    IReadOnlyList<DayTally> Days(IReadOnlyCollection<string>? teamKeys, DateOnly from, DateOnly to);

    /// <summary>The month pages (dated the month's first day) of these teams (every team when null) for the months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    IReadOnlyList<DayTally> Months(IReadOnlyCollection<string>? teamKeys, DateOnly from, DateOnly to);

    /// <summary>The stage pages of these teams (every team when null).</summary>
    IReadOnlyList<StageTally> Stages(IReadOnlyCollection<string>? teamKeys);

    /// <summary>The teams the owner holds leads in; empty for someone who holds none.</summary>
    IReadOnlyCollection<string> TeamsOf(string ownerKey);

    /// <summary>Every stored page of each kind, for a recount's comparison.</summary>
    TallyPageSet All();

    /// <summary>Replaces every stored page with these, counted under <paramref name="fingerprint"/>.</summary>
    void Replace(TallyPageSet pages, string fingerprint);
}

/// <summary>A whole set of tally pages: as counted from every lead, or as stored.</summary>
public sealed record TallyPageSet(IEnumerable<DayTally> Days, IEnumerable<DayTally> Months, IEnumerable<StageTally> Stages, IEnumerable<OwnerTeams> Owners)
{
    public static TallyPageSet Of(TallyBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new(book.Days, book.Months, book.Stages, book.Owners);
    }
}
