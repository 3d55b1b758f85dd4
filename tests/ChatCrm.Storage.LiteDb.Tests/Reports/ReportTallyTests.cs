using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Reports;

/// <summary>
/// The report tallies the store keeps change by change equal a full recount from the leads, and
/// answer every tallied metric exactly as counting the leads themselves does, after a long run of
/// random changes of every kind (creation, stage moves, transfers between teams, the pool,
/// follow-ups, amounts, exclusions, deletion, the recycle bin and back).
/// </summary>
public sealed class ReportTallyTests : IDisposable
{
    private static readonly User[] People =
    [
        new("alice", "Alice", Role.Salesperson, "east", []),
        new("amy", "Amy", Role.Salesperson, "east", []),
        new("bob", "Bob", Role.Salesperson, "west", []),
        new("carl", "Carl", Role.Salesperson, null, []),
    ];

    private static readonly CrmSettings Crm = new(CrmSettings.ResolveZone("Asia/Shanghai"), TimeSpan.FromDays(7), TimeSpan.FromMinutes(5));

    // The store's default rules: the organisation's zone is Shanghai and source "test" is left out.
    private static readonly TallyRules Rules = TallyRules.Default;

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Kept_tallies_equal_a_recount_and_every_tallied_metric_equals_counting_the_leads()
    {
        using var store = _folder.Open();
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        await RandomChangesAsync(store, now, seed: 20261124, steps: 1500);

        var (kept, counted) = await store.Read(session =>
        {
            var stored = RecountReports.Canon(session.ReportTallies.All());
            var (book, _) = RecountReports.Count(session, Rules);
            return (stored, RecountReports.Canon(TallyPageSet.Of(book)));
        });
        Assert.NotEmpty(counted);
        Assert.Equal(counted.OrderBy(pair => pair.Key, StringComparer.Ordinal), kept.OrderBy(pair => pair.Key, StringComparer.Ordinal));

        var compared = await store.Read(session => Compare(session, now));
        Assert.True(compared.Differences.Count == 0, string.Join(Environment.NewLine, compared.Differences));
        Assert.True(compared.NonZero > 20, $"only {compared.NonZero} of the compared numbers were above zero: the run exercised too little");
    }

    [Fact]
    public async Task A_database_with_leads_but_no_counted_tallies_is_not_trusted_until_recounted()
    {
        var now = TestLeads.Now;
        using (var store = _folder.Open())
        {
            await store.Write(session => session.Leads.Insert(Lead.Create("L-1", "王建国", null, null, null, LeadStage.New, People[0], null, "webform", "alice", now)));
            Assert.Equal(Rules.Fingerprint, await store.Read(session => session.ReportTallies.CountedUnder()));

            // As a database from before the tallies: the leads are there, the tallies are not.
            await store.Write(session => session.ReportTallies.Replace(new TallyPageSet([], [], [], []), "an older rule set"));
        }

        using var reopened = _folder.Open();
        Assert.Null(await reopened.Read(session => session.ReportTallies.CountedUnder()));
        var recount = new RecountReports(reopened, TimeProvider.System, Crm, ReportSettings.Default);

        var counted = await recount.EnsureCountedAsync(CancellationToken.None);

        Assert.Equal(1, counted?.Leads);
        Assert.Equal(Rules.Fingerprint, await reopened.Read(session => session.ReportTallies.CountedUnder()));
        var newLeads = await reopened.Read(session => TalliedMetrics.Compute(session, new TallyScope(null, null), MetricDictionary.All.Single(m => m.Id == MetricDictionary.NewLeads), Period("this_month", now)));
        Assert.Equal(1m, newLeads.Value);
        Assert.Null(await recount.EnsureCountedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_recount_finds_and_mends_tallies_that_drifted()
    {
        using var store = _folder.Open();
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        await RandomChangesAsync(store, now, seed: 7, steps: 200);
        var recount = new RecountReports(store, TimeProvider.System, Crm, ReportSettings.Default);
        var clean = await recount.RunAsync(CancellationToken.None);

        // Drift no use case can cause: one day's page lost behind the store's back.
        await store.Write(session =>
        {
            var all = session.ReportTallies.All();
            session.ReportTallies.Replace(all with { Days = all.Days.Skip(1).ToList() }, Rules.Fingerprint);
        });
        var mended = await recount.RunAsync(CancellationToken.None);
        var again = await recount.RunAsync(CancellationToken.None);

        Assert.Equal((0, false), (clean.Differing, clean.Rewritten));
        Assert.Equal((1, true), (mended.Differing, mended.Rewritten));
        Assert.Equal((0, false), (again.Differing, again.Rewritten));
    }

    [Fact]
    public async Task Units_committed_together_move_shared_pages_once_and_still_equal_a_recount()
    {
        using var store = _folder.Open();
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));
        await RandomChangesAsync(store, now, seed: 99, steps: 1200, inFlight: 24);

        var (kept, counted) = await store.Read(session =>
        {
            var (book, _) = RecountReports.Count(session, Rules);
            return (RecountReports.Canon(session.ReportTallies.All()), RecountReports.Canon(TallyPageSet.Of(book)));
        });
        Assert.Equal(counted.OrderBy(pair => pair.Key, StringComparer.Ordinal), kept.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        // Units were in fact committed several to a batch, so moves of one batch shared their pages.
        Assert.True(store.WriterStatistics.Units > store.WriterStatistics.Batches * 2, store.WriterStatistics.ToString());
    }

    /// <param name="inFlight">Units handed to the writer at once, so it commits several together.</param>
    private static async Task RandomChangesAsync(ICrmStore store, DateTimeOffset now, int seed, int steps, int inFlight = 1)
    {
        var random = new Random(seed);
        var numbers = new List<string>();
        var binned = new List<string>();
        var created = 0;
        var pending = new List<Task>();
        for (var step = 0; step < steps; step++)
        {
            if (pending.Count >= inFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }

            pending.Add(store.Write(session =>
            {
                // Chosen inside the unit (on the writer's thread, in order): moments over the last
                // ~70 days, many of them near midnight in Shanghai, where days turn.
                var at = now.AddDays(-random.Next(0, 70)).AddHours(random.Next(0, 3) == 0 ? 14 + (random.NextDouble() * 0.2) - 0.1 : -random.Next(0, 20));
                var action = numbers.Count < 20 ? 0 : random.Next(0, 12);
                if (action == 0)
                {
                    var number = $"L-{++created}";
                    var owner = random.Next(0, 4) == 0 ? null : People[random.Next(People.Length)];
                    var stage = Enum.GetValues<LeadStage>()[random.Next(0, 7)];
                    var source = random.Next(0, 8) == 0 ? "test" : "webform";
                    session.Leads.Insert(Lead.Create(number, "客户" + number, null, "Acme", null, stage, owner, owner is null ? "east" : null, source, "alice", at));
                    numbers.Add(number);
                    return;
                }

                if (action == 11 && binned.Count > 0)
                {
                    var back = binned[random.Next(binned.Count)];
                    session.RecycleBin.Restore(back);
                    binned.Remove(back);
                    numbers.Add(back);
                    return;
                }

                var picked = numbers[random.Next(numbers.Count)];
                var lead = session.Leads.Find(picked)!;
                var later = lead.UpdatedAt > at ? lead.UpdatedAt.AddMinutes(random.Next(1, 600)) : at;
                switch (action)
                {
                    case 1 or 2:
                        lead.MoveTo(Enum.GetValues<LeadStage>()[random.Next(0, 7)], later);
                        break;
                    case 3:
                        lead.TransferTo(People[random.Next(People.Length)], later);
                        break;
                    case 4:
                        lead.ReturnToPool(later);
                        break;
                    case 5 or 6:
                        lead.RecordFollowUp(later.AddHours(-random.Next(0, 72)), null, later);
                        break;
                    case 7:
                        lead.Value(random.Next(1, 500) * 1000m, "CNY", later);
                        break;
                    case 8:
                        lead.ExcludeFromReports(random.Next(0, 2) == 0 ? "demo" : null, later);
                        break;
                    case 9:
                        session.Leads.Delete(picked);
                        numbers.Remove(picked);
                        return;
                    case 10:
                        session.RecycleBin.Put(lead, new BinEntry("alice", later, "test", null));
                        numbers.Remove(picked);
                        binned.Add(picked);
                        return;
                    default:
                        return;
                }

                session.Leads.Update(lead);
            }));
        }

        await Task.WhenAll(pending);
    }

    private static (List<string> Differences, int NonZero) Compare(ICrmSession session, DateTimeOffset now)
    {
        var differences = new List<string>();
        var nonZero = 0;
        var queries = new[]
        {
            new LeadQuery(),
            new LeadQuery { TeamKey = "east" },
            new LeadQuery { TeamKeys = ["east", "west"] },
            new LeadQuery { OwnerKey = "alice" },
            new LeadQuery { OwnerKey = "carl" },
        };
        var periods = new[] { "today", "this_week", "last_week", "this_month", "last_month", "this_quarter", "2026-10-15..2026-11-10" };
        foreach (var metric in MetricDictionary.All.Where(metric => TalliedMetrics.Covers(metric.Id)))
        {
            var effective = MetricParameters.Effective(session, metric, ReportSettings.Default, Crm);
            foreach (var query in queries)
            {
                var scoped = query with { IncludeClosed = true, Limit = int.MaxValue };
                var scope = new MetricScope(scoped, [], session.Leads.List);
                foreach (var said in periods)
                {
                    var period = Period(said, now);
                    var fromLeads = MetricCalculator.Compute(session, scope, effective, period, now, Crm, ReportSettings.Default);
                    var fromTallies = TalliedMetrics.Compute(session, TallyScope.Of(scoped), effective, period);
                    var expected = Describe(fromLeads);
                    if (expected != Describe(fromTallies))
                    {
                        differences.Add($"{metric.Id} {said} {query}: leads {expected} / tallies {Describe(fromTallies)}");
                    }

                    nonZero += fromLeads.Value is > 0 ? 1 : 0;
                }
            }
        }

        return (differences, nonZero);
    }

    private static string Describe(MetricResult result) =>
        $"{result.Value} {result.Numerator}/{result.Denominator} excluded {result.Excluded} [{string.Join(", ", result.Parts.Select(part => $"{part.Label}={part.Value}x{part.Count}"))}]";

    private static ReportPeriod Period(string said, DateTimeOffset now) => ReportPeriod.Resolve(said, now, Crm.TimeZone)!;
}
