using ChatCrm.Core.Reports.Tallies;

namespace ChatCrm.Core.Store;

/// <summary>
/// The report tallies: per team and day, and per team and stage, kept by the store in the same
/// transaction as every change to a lead (each lead's <see cref="LeadShare"/> under the store's
/// <see cref="TallyRules"/>), so a report reads a few pages instead of every lead.
/// </summary>
public interface IReportTallies
{
    /// <summary>The fingerprint of the rules the stored tallies hold every lead under; null while they do not (never counted, or counted under other rules).</summary>
    string? CountedUnder();

    /// <summary>The day pages of these teams (every team when null) from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    IReadOnlyList<DayTally> Days(IReadOnlyCollection<string>? teamKeys, DateOnly from, DateOnly to);

    /// <summary>The stage pages of these teams (every team when null).</summary>
    IReadOnlyList<StageTally> Stages(IReadOnlyCollection<string>? teamKeys);

    /// <summary>Replaces every stored page with these, counted under <paramref name="fingerprint"/>.</summary>
    void Replace(IEnumerable<DayTally> days, IEnumerable<StageTally> stages, string fingerprint);
}
