using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports.Tallies;

/// <summary>What a recount found: the leads counted, the pages that differed from the kept tallies, and whether it rewrote them.</summary>
/// <param name="WasCounted">False when the kept tallies were not counted under these rules (a new install, changed settings): every page is rewritten.</param>
public sealed record TallyRecount(int Leads, int Pages, int Differing, bool WasCounted, bool Rewritten, TimeSpan Took);

/// <summary>
/// Counts the report tallies again from every lead and compares them with the tallies the store
/// kept change by change; where they differ (or were never counted under these rules) the counted
/// ones replace them. The comparison reads a snapshot, so it never holds up the writer; a rewrite
/// counts again inside the writer, so no change slips between the count and the write.
/// <c>/admin recount</c> runs it for an admin (audited), and the host runs it at start when needed.
/// </summary>
public sealed class RecountReports(ICrmStore store, TimeProvider clock, CrmSettings crm, ReportSettings settings)
{
    public const string Act = "reports.recount";

    private TallyRules Rules => TallyRules.Of(crm, settings);

    /// <summary>/admin recount: compare, and rewrite when they differ; audited with what it found.</summary>
    public async Task<Result<TallyRecount>> HandleAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted(Act, null);
        }

        var recount = await RunAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await store.WriteAsync(session =>
        {
            session.Audit.Append(AuditTrail.Change(actor, Act, now, "report_tallies", null, Describe(recount)));
            return true;
        }, cancellationToken);
        return Result<TallyRecount>.Success(recount);
    }

    /// <summary>Recounts when the kept tallies were never counted under these rules; otherwise does nothing. For the start.</summary>
    public async Task<TallyRecount?> EnsureCountedAsync(CancellationToken cancellationToken)
    {
        var fingerprint = Rules.Fingerprint;
        if (await store.ReadAsync(session => session.ReportTallies.CountedUnder() == fingerprint, cancellationToken))
        {
            return null;
        }

        var started = Stopwatch.GetTimestamp();
        var leads = await store.WriteAsync(Rewrite, cancellationToken);
        return new TallyRecount(leads, 0, 0, false, true, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Compares, and rewrites when anything differs.</summary>
    public async Task<TallyRecount> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rules = Rules;
        var (leads, pages, differing, counted) = await store.ReadAsync(session =>
        {
            var (book, count) = Count(session, rules);
            var kept = Canon(session.ReportTallies.All());
            var fresh = Canon(TallyPageSet.Of(book));
            var different = fresh.Keys.Union(kept.Keys, StringComparer.Ordinal)
                .Count(key => !string.Equals(fresh.GetValueOrDefault(key), kept.GetValueOrDefault(key), StringComparison.Ordinal));
            return (count, fresh.Count, different, session.ReportTallies.CountedUnder() == rules.Fingerprint);
        }, cancellationToken);
        var rewrite = differing > 0 || !counted;
        if (rewrite)
        {
            leads = await store.WriteAsync(Rewrite, cancellationToken);
        }

        return new TallyRecount(leads, pages, differing, counted, rewrite, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The tallies counted from every lead, for tests and the recount's comparison.</summary>
    public static (TallyBook Book, int Leads) Count(ICrmSession session, TallyRules rules)
    {
        ArgumentNullException.ThrowIfNull(session);
        var book = TallyBook.Empty();
        var leads = 0;
        session.Leads.VisitAll(lead =>
        {
            book.Move(null, LeadShare.Of(lead, rules));
            leads++;
        });
        return (book, leads);
    }

    /// <summary>Each non-empty page as one comparable line, by page id.</summary>
    public static Dictionary<string, string> Canon(TallyPageSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (prefix, dated) in new[] { ("d", set.Days), ("m", set.Months) })
        {
            foreach (var page in dated.Where(page => !page.IsEmpty))
            {
                pages[$"{prefix}|{page.Team}|{TallyRules.DayKey(page.Day)}"] = string.Join(";", page.Rows
                    .Select(row => Line(row.Owner, row.Excluded, row.Created, row.Opportunities,
                        string.Join(',', row.FirstContactHours.Select(pair => $"{pair.Key}:{pair.Value}")),
                        row.Won, row.Lost, row.WonAmount, string.Join(',', row.CycleTicks.Order())))
                    .Order(StringComparer.Ordinal));
            }
        }

        foreach (var page in set.Owners.Where(page => !page.IsEmpty))
        {
            pages[$"o|{page.Owner}"] = string.Join(";", page.Teams.Select(pair => Line(pair.Key, pair.Value)));
        }

        foreach (var page in set.Stages.Where(page => !page.IsEmpty))
        {
            pages[$"s|{page.Team}"] = string.Join(";", page.Rows
                .Select(row => Line(row.Owner, row.Excluded, row.Stage, row.Count, row.Amount))
                .Order(StringComparer.Ordinal));
        }

        return pages;
    }

    private int Rewrite(ICrmSession session)
    {
        var rules = Rules;
        var (book, leads) = Count(session, rules);
        session.ReportTallies.Replace(TallyPageSet.Of(book), rules.Fingerprint);
        return leads;
    }

    private static string Line(params object[] values) =>
        string.Join('|', values.Select(value => Convert.ToString(value, CultureInfo.InvariantCulture)));

    private static string Describe(TallyRecount recount) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"{recount.Leads} leads, {recount.Pages} pages, {recount.Differing} differing")
        .Append(recount.WasCounted ? string.Empty : ", not counted under these rules before")
        .Append(recount.Rewritten ? ", rewritten" : ", kept")
        .ToString();
}
