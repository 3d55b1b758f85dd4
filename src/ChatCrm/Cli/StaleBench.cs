using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Demo;
using ChatCrm.Endpoints;
using ChatCrm.Hosting;
using ChatCrm.Storage.LiteDb;

namespace ChatCrm.Cli;

/// <summary>
/// `bench stale`: the stale-lead scan on a store holding many leads, most of them closed or in the
/// pool, a quarter owned and open and some of those stale, owned by 200 salespeople in 20 teams
/// that work around the clock (so the scan acts whenever it is run). It times a first run (every
/// owner and manager told, all marks new) and a second one (nothing left to tell), while chat
/// follow-up turns go on over HTTP, and prints the turns' latency during each scan beside a
/// baseline without one. Writes to a temporary folder, never to data/.
/// </summary>
public static class StaleBench
{
    private const string FollowUpSentence = "今天打了电话,他很感兴趣,下周三再跟进";
    private const int Teams = 20;
    private const int SalespeoplePerTeam = 10;
    private const int LinkedConversations = 32;

    public static async Task RunAsync(int leadCount, int concurrency, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("chatcrm-stale-bench-");
        try
        {
            await using var app = ChatCrmHost.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--environment", "Production",
                "--ChatCrm:WebChat:Enabled", "true",
                "--ChatCrm:Storage:LiteDbPath", Path.Combine(folder.FullName, "bench.db"),
                "--Logging:LogLevel:Default", "Warning",
            ]);
            await app.StartAsync(cancellationToken);
            var store = app.Services.GetRequiredService<ICrmStore>();
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var seeding = Stopwatch.StartNew();
            var (aliceLeads, owned, staleShare) = await SeedAsync(store, clock, app.Services.GetRequiredService<CrmSettings>(), leadCount, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store: seeded {leadCount:N0} leads ({owned:N0} owned and open, about {staleShare:N0} of them stale) in {seeding.Elapsed.TotalSeconds:0.0} s"));

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(app.Urls.First() + "/") };
            var conversations = Enumerable.Range(0, LinkedConversations).Select(i => $"stale-bench-{i}").ToArray();
            for (var i = 0; i < conversations.Length; i++)
            {
                await TurnAsync(http, conversations[i], $"/link {aliceLeads[i]}", cancellationToken);
            }

            var baseline = await TurnsWhileAsync(http, conversations, concurrency, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken), cancellationToken);
            Console.WriteLine($"follow-up turns without a scan ({concurrency} in flight): {baseline.Describe()}");

            var scan = app.Services.GetRequiredService<StaleLeadScan>();
            var writer = app.Services.GetRequiredService<LiteDbCrmStore>();
            foreach (var label in new[] { "first scan (everyone told, marks written)", "second scan (nothing new to tell)" })
            {
                var before = writer.WriterStatistics;
                var started = Stopwatch.GetTimestamp();
                var running = scan.RunAsync(cancellationToken);
                var turns = await TurnsWhileAsync(http, conversations, concurrency, running, cancellationToken);
                var outcome = await running;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.000} s over {leadCount:N0} leads — {outcome.Summary}"));
                Console.WriteLine($"  follow-up turns during the scan: {turns.Describe()}");
                Console.WriteLine($"  store writer during the scan: {writer.WriterStatistics.Since(before)}");
            }

            await app.StopAsync(cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Follow-up turns, <paramref name="concurrency"/> at a time, until <paramref name="until"/> completes.</summary>
    private static async Task<LatencyStats> TurnsWhileAsync(HttpClient http, string[] conversations, int concurrency, Task until, CancellationToken cancellationToken)
    {
        var stats = new LatencyStats();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (!until.IsCompleted)
            {
                var turn = Interlocked.Increment(ref next);
                var before = Stopwatch.GetTimestamp();
                await TurnAsync(http, conversations[turn % conversations.Length], FollowUpSentence, cancellationToken);
                stats.Add(Stopwatch.GetTimestamp() - before);
            }
        }));
        return stats;
    }

    private static async Task TurnAsync(HttpClient http, string conversation, string text, CancellationToken cancellationToken)
    {
        var request = new WebChatRequest("alice", conversation, text, null, Guid.NewGuid().ToString("N"));
        using var response = await http.PostAsJsonAsync("api/webchat", request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Bulk set-up, not a product path: 20 teams of 10 salespeople working every hour of every day,
    /// then leads in these shares: 60% won or lost, 15% in a pool, 25% owned and open. Of the owned
    /// ones 68% were followed up this week with a date ahead, 12% lately without one, 16% have
    /// gone 8 to 29 days without a follow-up and 4% missed a promised date.
    /// </summary>
    private static async Task<(string[] AliceLeads, int Owned, int Stale)> SeedAsync(ICrmStore store, TimeProvider clock, CrmSettings settings, int count, CancellationToken cancellationToken)
    {
        const int PerUnit = 2_000;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        var salespeople = new List<User>();
        await store.WriteAsync(session =>
        {
            var hours = new Dictionary<string, WorkingHours>();
            for (var team = 0; team < Teams; team++)
            {
                var key = $"bench-t{team}";
                session.People.Save(new Team(key, $"Team {team}", $"bench-m{team}"));
                session.People.Save(new User($"bench-m{team}", $"Manager {team}", Role.Manager, key, []));
                hours[key] = new WorkingHours(settings.TimeZone.Id, Enum.GetValues<DayOfWeek>(), TimeOnly.MinValue, new TimeOnly(23, 59));
                for (var person = 0; person < SalespeoplePerTeam; person++)
                {
                    var user = new User($"bench-s{team}-{person}", $"Sales {team}-{person}", Role.Salesperson, key, []);
                    session.People.Save(user);
                    salespeople.Add(user);
                }
            }

            hours["east"] = hours["bench-t0"];
            session.AssignmentRules.Save(AssignmentRulebook.Configured([], hours));
            return true;
        }, cancellationToken);

        var alice = DemoOrganisation.Users.Single(user => user.Key == "alice");
        var aliceLeads = new string[LinkedConversations];
        var owned = 0;
        var stale = 0;
        for (var start = 0; start < count; start += PerUnit)
        {
            var first = start;
            (owned, stale) = await store.WriteAsync(session =>
            {
                var (ownedSoFar, staleSoFar) = (owned, stale);
                for (var i = first; i < Math.Min(first + PerUnit, count); i++)
                {
                    var number = LeadNumber.Format(today, session.NextInSequence(LeadNumber.SequenceFor(today)));
                    var owner = i < LinkedConversations ? alice : salespeople[i % salespeople.Count];
                    var slot = i < LinkedConversations ? 75 : (int)((uint)(i * 2654435761u) % 100);
                    var lead = Lead.Create(number, $"客户{i}", Phone.TryParse((13900000000L + i).ToString(CultureInfo.InvariantCulture)), $"公司{i}", "制造",
                        slot < 30 ? LeadStage.Won : slot < 60 ? LeadStage.Lost : LeadStage.New,
                        slot is >= 60 and < 75 ? null : owner, owner.TeamKey, "bench", "admin", now.AddDays(-30 - (i % 60)));
                    var owner25 = slot - 75; // 0..24 for the owned open leads
                    if (owner25 >= 0)
                    {
                        ownedSoFar++;
                        var (lastDaysAgo, nextInDays) = owner25 switch
                        {
                            < 17 => (i % 6, 1 + (i % 10)),
                            < 20 => (i % 6, (int?)null),
                            < 24 => (8 + (i % 22), (int?)null),
                            _ => (12, -(2 + (i % 4))),
                        };
                        staleSoFar += owner25 >= 20 ? 1 : 0;
                        lead.RecordFollowUp(now.AddDays(-lastDaysAgo), nextInDays is { } days ? now.AddDays(days) : null, now.AddDays(-lastDaysAgo));
                    }

                    if (i < LinkedConversations)
                    {
                        aliceLeads[i] = number;
                    }

                    session.Leads.Insert(lead);
                }

                return (ownedSoFar, staleSoFar);
            }, cancellationToken);
        }

        return (aliceLeads, owned, stale);
    }
}
