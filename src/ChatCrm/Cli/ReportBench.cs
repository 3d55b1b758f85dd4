using System.Diagnostics;
using System.Globalization;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Digest;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;
using ChatCrm.Hosting;
using ChatCrm.Reports;

namespace ChatCrm.Cli;

/// <summary>
/// `bench reports`: report answers, the morning digest for every team and a large Excel export on
/// a store holding many leads and follow-ups over two years. Answers are asked through the use
/// case a chat question reaches (<see cref="AnswerMetric"/>) as a salesperson, a team manager and
/// an admin; the digest job runs once for every team; the export is downloaded over HTTP through
/// its real link. Writes to a temporary folder, never to data/.
/// </summary>
public static class ReportBench
{
    private const int SalespeoplePerTeam = 10;
    private const int PerUnit = 2_000;

    /// <summary>The funnel and by-stage metrics the target names (p95 under 100 ms).</summary>
    private static readonly string[] Funnel =
    [
        MetricDictionary.NewLeads, MetricDictionary.FirstContactWithinSla, MetricDictionary.LeadToOpportunity, MetricDictionary.WinRate,
        MetricDictionary.WonDeals, MetricDictionary.SalesCycle, MetricDictionary.WonRevenue, MetricDictionary.PipelineByStage,
    ];

    private static readonly string[] Periods = ["this_month", "last_month", "this_quarter"];

    public static async Task RunAsync(int leadCount, int followUpCount, int teams, int repeat, int exportRows, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("chatcrm-report-bench-");
        try
        {
            await using var app = ChatCrmHost.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--environment", "Production",
                "--ChatCrm:Storage:LiteDbPath", Path.Combine(folder.FullName, "bench.db"),
                "--ChatCrm:Scheduler:Digest:At", "00:00",

                // The bench runs the digest itself, once seeding is done; the schedule would send it halfway through.
                "--ChatCrm:Scheduler:Jobs:manager-digest:Cron", "0 0 0 1 1 ? 2099",
                "--Logging:LogLevel:Default", "Warning",
            ]);
            await app.StartAsync(cancellationToken);
            var services = app.Services;
            var store = services.GetRequiredService<ICrmStore>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var settings = services.GetRequiredService<CrmSettings>();

            var seeding = Stopwatch.StartNew();
            var people = await SeedPeopleAsync(store, settings, teams, cancellationToken);
            await SeedLeadsAsync(store, people, leadCount, followUpCount, now, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store: seeded {leadCount:N0} leads and {followUpCount:N0} follow-ups over 24 months, {teams} teams of {SalespeoplePerTeam}, in {seeding.Elapsed.TotalSeconds:0.0} s"));

            await AnswersAsync(services.GetRequiredService<AnswerMetric>(), people, repeat, cancellationToken);
            await DigestAsync(services.GetRequiredService<SendManagerDigests>(), teams, cancellationToken);
            await ExportAsync(app, people.Admin, now, settings, exportRows, cancellationToken);
            await app.StopAsync(cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record BenchPeople(User Admin, IReadOnlyList<User> Managers, IReadOnlyList<User> Salespeople);

    private static async Task AnswersAsync(AnswerMetric answers, BenchPeople people, int repeat, CancellationToken cancellationToken)
    {
        var askers = new (string Kind, User User)[] { ("salesperson", people.Salespeople[0]), ("manager", people.Managers[0]), ("admin", people.Admin) };
        var funnel = new LatencyStats();
        Console.WriteLine($"answers ({repeat} of each metric × {Periods.Length} periods per asker):");
        foreach (var (kind, user) in askers)
        {
            var stats = new LatencyStats();
            foreach (var metric in Funnel)
            {
                foreach (var period in Periods)
                {
                    for (var i = 0; i < repeat; i++)
                    {
                        var elapsed = await TimeAsync(answers, user, metric, period, cancellationToken);
                        stats.Add(elapsed);
                        funnel.Add(elapsed);
                    }
                }
            }

            Console.WriteLine($"  funnel and by-stage as {kind}: {stats.Describe(95)}");
        }

        Console.WriteLine($"  funnel and by-stage, all askers: {funnel.Describe(95)}");

        // The metrics counted from the leads themselves (no tallies): a few runs each, to show where they stand.
        foreach (var metric in MetricDictionary.All.Select(metric => metric.Id).Except(Funnel))
        {
            foreach (var (kind, user) in askers)
            {
                var stats = new LatencyStats();
                // An admin's reads every lead of the period: one run says enough.
                for (var i = 0; i < (kind == "admin" ? 1 : Math.Min(repeat, 3)); i++)
                {
                    stats.Add(await TimeAsync(answers, user, metric, "this_month", cancellationToken));
                }

                Console.WriteLine($"  {metric} as {kind} (counted from the leads): {stats.Describe(95)}");
            }
        }
    }

    private static async Task<long> TimeAsync(AnswerMetric answers, User user, string metric, string period, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answered = await answers.HandleAsync(new Actor(user, "bench", null), new MetricRequest(metric, period, null), cancellationToken);
        var elapsed = Stopwatch.GetTimestamp() - started;
        if (!answered.IsSuccess)
        {
            throw new InvalidOperationException($"{metric} {period} for {user.Key} failed: {answered.Error}");
        }

        return elapsed;
    }

    private static async Task DigestAsync(SendManagerDigests digests, int teams, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await digests.RunAsync(cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"morning digest: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s, sent to {outcome.Count} teams ({teams} seeded, the rest the demo organisation's)"));
    }

    /// <summary>The admin's records behind new leads over enough recent days to hold about <paramref name="rows"/>, downloaded through the real link.</summary>
    private static async Task ExportAsync(WebApplication app, User admin, DateTimeOffset now, CrmSettings settings, int rows, CancellationToken cancellationToken)
    {
        var answers = app.Services.GetRequiredService<AnswerMetric>();
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        string? period = null;
        var counted = 0;
        for (var days = 1; days <= 730 && counted < rows; days = Math.Max(days + 1, days * 11 / 10))
        {
            period = string.Create(CultureInfo.InvariantCulture, $"{today.AddDays(1 - days):yyyy-MM-dd}..{today:yyyy-MM-dd}");
            var answer = await answers.HandleAsync(new Actor(admin, "bench", null), new MetricRequest(MetricDictionary.NewLeads, period, null), cancellationToken);
            counted = answer.Value!.Result.RecordCount;
        }

        var link = app.Services.GetRequiredService<ReportExportLinks>().For(admin.Key, new MetricRequest(MetricDictionary.NewLeads, period, null), "zh");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/"), Timeout = TimeSpan.FromMinutes(10) };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(link).PathAndQuery, cancellationToken);
        var bytes = (await response.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
        response.EnsureSuccessStatusCode();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"excel export: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s for {counted:N0} rows ({bytes / 1024.0 / 1024.0:0.0} MB), new leads {period}"));
    }

    /// <summary>Bulk set-up, not a product path: teams of salespeople with a manager each, working every hour, and one admin.</summary>
    private static async Task<BenchPeople> SeedPeopleAsync(ICrmStore store, CrmSettings settings, int teams, CancellationToken cancellationToken)
    {
        var admin = new User("bench-admin", "Admin", Role.Admin, null, []);
        var managers = new List<User>();
        var salespeople = new List<User>();
        await store.WriteAsync(session =>
        {
            session.People.Save(admin);
            var hours = new Dictionary<string, WorkingHours>();
            for (var team = 0; team < teams; team++)
            {
                var key = $"bench-t{team}";
                var manager = new User($"bench-m{team}", $"Manager {team}", Role.Manager, key, []);
                session.People.Save(new Team(key, $"Team {team}", manager.Key));
                session.People.Save(manager);
                managers.Add(manager);
                hours[key] = new WorkingHours(settings.TimeZone.Id, Enum.GetValues<DayOfWeek>(), TimeOnly.MinValue, new TimeOnly(23, 59));
                for (var person = 0; person < SalespeoplePerTeam; person++)
                {
                    var user = new User($"bench-s{team}-{person}", $"Sales {team}-{person}", Role.Salesperson, key, []);
                    session.People.Save(user);
                    salespeople.Add(user);
                }
            }

            session.AssignmentRules.Save(AssignmentRulebook.Configured([], hours));
            return true;
        }, cancellationToken);
        return new BenchPeople(admin, managers, salespeople);
    }

    /// <summary>
    /// Bulk set-up, not a product path: leads created evenly over the last 24 months, through the
    /// funnel in fixed shares (new 20%, contacted 15%, qualified 10%, proposal 8%, negotiation 5%,
    /// won 20%, lost 22%), 15% in their team's pool, 1% test data; follow-ups spread over their
    /// owners' leads, the first within 0–71 hours of creation for four in five leads.
    /// </summary>
    private static async Task SeedLeadsAsync(ICrmStore store, BenchPeople people, int count, int followUps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var span = TimeSpan.FromDays(730);
        var perLead = count == 0 ? 0 : followUps / count;
        var extra = count == 0 ? 0 : followUps % count;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var start = 0; start < count; start += PerUnit)
        {
            var first = start;
            await store.WriteAsync(session =>
            {
                for (var i = first; i < Math.Min(first + PerUnit, count); i++)
                {
                    var slot = (int)((uint)(i * 2654435761u) % 100);
                    var created = now - (span * ((count - i) / (double)count)) + TimeSpan.FromMinutes(i % 600);
                    created = created > now ? now : created;
                    var stage = slot switch
                    {
                        < 20 => LeadStage.New,
                        < 35 => LeadStage.Contacted,
                        < 45 => LeadStage.Qualified,
                        < 53 => LeadStage.Proposal,
                        < 58 => LeadStage.Negotiation,
                        < 78 => LeadStage.Won,
                        _ => LeadStage.Lost,
                    };
                    var owner = people.Salespeople[(i / 7) % people.Salespeople.Count];
                    var pooled = slot % 7 == 3 && stage is LeadStage.New;
                    var number = LeadNumber.Format(today, session.NextInSequence(LeadNumber.SequenceFor(today)));
                    var lead = Lead.Create(number, $"客户{i}", null, $"公司{i % 5000}", "制造", LeadStage.New, pooled ? null : owner, owner.TeamKey,
                        i % 100 == 42 ? "test" : "webform", "intake", created);
                    var count_ = pooled ? 0 : perLead + (i < extra ? 1 : 0);
                    var lastAt = created;
                    for (var f = 0; f < count_; f++)
                    {
                        var at = f == 0 && slot % 5 != 0
                            ? created + TimeSpan.FromHours(i % 72)
                            : created + TimeSpan.FromHours(72 + (f * 24 * ((i % 9) + 1)));
                        at = at > now ? now : at;
                        session.FollowUps.Insert(new FollowUp(Guid.CreateVersion7(at), number, owner.Key, ContactChannel.Call, null, "跟进", at, null, null));
                        lastAt = at > lastAt ? at : lastAt;
                        lead.RecordFollowUp(at, null, at);
                    }

                    if (stage != LeadStage.New)
                    {
                        var movedAt = lastAt + TimeSpan.FromDays(1 + (i % 40));
                        movedAt = movedAt > now ? now : movedAt;
                        if (StageProbability.IsOpportunity(stage) || stage == LeadStage.Won)
                        {
                            lead.Value(10_000m * (1 + (i % 50)), "CNY", movedAt);
                        }

                        lead.MoveTo(stage, movedAt);
                    }

                    session.Leads.Insert(lead);
                }

                return true;
            }, cancellationToken);
        }
    }
}
