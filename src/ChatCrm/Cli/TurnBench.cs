using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Demo;
using ChatCrm.Endpoints;
using ChatCrm.Hosting;
using ChatCrm.Storage.LiteDb;

namespace ChatCrm.Cli;

/// <summary>
/// Full web chat turns that log a follow-up, over HTTP on loopback, against a store seeded with
/// many leads: the sidebar case, where each chat is linked to its lead and the salesperson types
/// a sentence without naming the customer.
/// </summary>
public static class TurnBench
{
    private const string FollowUpSentence = "今天打了电话,他很感兴趣,下周三再跟进";
    private static readonly string[] Salespeople = ["alice", "bob", "carol", "dave"];

    public static async Task RunAsync(int leadCount, int turns, int concurrency, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("chatcrm-bench-");
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
            var seeding = Stopwatch.StartNew();
            var numbers = await SeedLeadsAsync(store, app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<CrmSettings>(), leadCount, cancellationToken);
            Console.WriteLine($"store: seeded {leadCount:N0} leads in {seeding.Elapsed.TotalSeconds:0.0} s");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(app.Urls.First() + "/") };
            var conversations = Enumerable.Range(0, concurrency * 4).Select(i => $"bench-{i}").ToArray();
            for (var i = 0; i < conversations.Length; i++)
            {
                await TurnAsync(http, conversations[i], $"/link {numbers[i * Salespeople.Length]}", "已关联", cancellationToken);
            }

            await RunTurnsAsync(http, conversations, Math.Min(1_000, turns), concurrency, cancellationToken);
            var writer = app.Services.GetRequiredService<LiteDbCrmStore>();
            var beforeTurns = writer.WriterStatistics;
            var (stats, seconds, failures) = await RunTurnsAsync(http, conversations, turns, concurrency, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"follow-up turn over HTTP ({concurrency} in flight, {leadCount:N0} leads): {stats.Describe()}; {turns / seconds:0} turns/s; {failures} failed"));
            Console.WriteLine($"store writer during the turns: {writer.WriterStatistics.Since(beforeTurns)}");
            await app.StopAsync(cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(LatencyStats Stats, double Seconds, int Failures)> RunTurnsAsync(
        HttpClient http, string[] conversations, int turns, int concurrency, CancellationToken cancellationToken)
    {
        var stats = new LatencyStats();
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int turn;
            while ((turn = Interlocked.Increment(ref next)) < turns)
            {
                var before = Stopwatch.GetTimestamp();
                var ok = await TurnAsync(http, conversations[turn % conversations.Length], FollowUpSentence, "已记录", cancellationToken);
                stats.Add(Stopwatch.GetTimestamp() - before);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (stats, Stopwatch.GetElapsedTime(started).TotalSeconds, failures);
    }

    private static async Task<bool> TurnAsync(HttpClient http, string conversation, string text, string expected, CancellationToken cancellationToken)
    {
        var request = new WebChatRequest("alice", conversation, text, null, Guid.NewGuid().ToString("N"));
        using var response = await http.PostAsJsonAsync("api/webchat", request, cancellationToken);
        var reply = await response.Content.ReadFromJsonAsync<WebChatResponse>(cancellationToken);
        return response.IsSuccessStatusCode && reply is { Replies.Count: > 0 } && reply.Replies[0].Text.Contains(expected, StringComparison.Ordinal);
    }

    /// <summary>Bulk set-up, not a product path: leads owned round-robin by the four demo salespeople.</summary>
    internal static async Task<string[]> SeedLeadsAsync(ICrmStore store, TimeProvider clock, CrmSettings settings, int count, CancellationToken cancellationToken)
    {
        const int PerUnit = 2_000;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        var owners = Salespeople.Select(key => DemoOrganisation.Users.Single(user => user.Key == key)).ToArray();
        var numbers = new string[count];
        for (var start = 0; start < count; start += PerUnit)
        {
            var first = start;
            await store.WriteAsync(session =>
            {
                for (var i = first; i < Math.Min(first + PerUnit, count); i++)
                {
                    var number = LeadNumber.Format(today, session.NextInSequence(LeadNumber.SequenceFor(today)));
                    var phone = Phone.TryParse((13900000000L + i).ToString(CultureInfo.InvariantCulture));
                    session.Leads.Insert(Lead.Create(number, $"客户{i}", phone, $"公司{i}", "制造", LeadStage.New, owners[i % owners.Length], null, "bench", "admin", now.AddDays(-(i % 30))));
                    numbers[i] = number;
                }

                return true;
            }, cancellationToken);
        }

        return numbers;
    }
}
