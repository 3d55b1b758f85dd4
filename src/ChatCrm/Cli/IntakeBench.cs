using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Core;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using ChatCrm.Hosting;
using ChatCrm.Intake;
using ChatCrm.Storage.LiteDb;
using ChatCrm.Storage.LiteDb.Bench;

namespace ChatCrm.Cli;

/// <summary>
/// `bench intake`: signed intake requests over HTTP on loopback from several clients at once,
/// against the whole server (dedupe, the lead with its audit entry, intake record and assignment
/// request in one durable commit, the assignment engine offering and escalating alongside) on a
/// store already holding many leads; then the same lead documents inserted straight into LiteDB,
/// for the ratio. Writes to a temporary folder, never to data/.
/// </summary>
public static class IntakeBench
{
    private const string Source = "bench";
    private const string Secret = "bench-secret-not-for-production-0123";

    public static async Task RunAsync(int leadCount, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("chatcrm-intake-bench-");
        try
        {
            var (numbers, perSecond) = await RunIntakeAsync(folder.FullName, leadCount, requests, concurrency, cancellationToken);
            await RunRawInsertsAsync(folder.FullName, numbers, perSecond, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(IReadOnlyList<string> Numbers, double PerSecond)> RunIntakeAsync(string folder, int leadCount, int requests, int concurrency, CancellationToken cancellationToken)
    {
        await using var app = ChatCrmHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--ChatCrm:Storage:LiteDbPath", Path.Combine(folder, "bench.db"),
            "--Logging:LogLevel:Default", "Warning",
            "--ChatCrm:Intake:Sources:0:Key", Source,
            "--ChatCrm:Intake:Sources:0:Channel", "web",
            "--ChatCrm:Intake:Sources:0:Secret", Secret,
            "--ChatCrm:Intake:Sources:0:Team", "east",
        ]);
        await app.StartAsync(cancellationToken);
        var store = app.Services.GetRequiredService<ICrmStore>();
        var seeding = Stopwatch.StartNew();
        await TurnBench.SeedLeadsAsync(store, app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<CrmSettings>(), leadCount, cancellationToken);
        Console.WriteLine($"store: seeded {leadCount:N0} leads in {seeding.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(app.Urls.First() + "/") };
        await SendAsync(http, offset: 0, Math.Min(500, requests), concurrency, cancellationToken);
        var writer = app.Services.GetRequiredService<LiteDbCrmStore>();
        var before = writer.WriterStatistics;
        var (stats, seconds, numbers, failures) = await SendAsync(http, offset: 1_000_000, requests, concurrency, cancellationToken);
        var perSecond = numbers.Count / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake over HTTP ({concurrency} clients, {leadCount:N0} leads in the store): {stats.Describe()}; {perSecond:0} leads/s; {failures} failed"));
        Console.WriteLine($"store writer during intake: {writer.WriterStatistics.Since(before)}");
        await app.StopAsync(cancellationToken);
        return (numbers, perSecond);
    }

    private static async Task RunRawInsertsAsync(string folder, IReadOnlyList<string> numbers, double intakePerSecond, CancellationToken cancellationToken)
    {
        // The leads intake stored, read back from its database so the documents are the same.
        var leads = new List<Lead>(numbers.Count);
        using (var store = new LiteDbCrmStore(new LiteDbStoreOptions { DatabasePath = Path.Combine(folder, "bench.db") }, new PlainPersonalData()))
        {
            foreach (var chunk in numbers.Chunk(1_000))
            {
                leads.AddRange(await store.ReadAsync(session => chunk.Select(number => session.Leads.Find(number)!).ToList(), cancellationToken));
            }
        }

        var elapsed = RawLeadInserts.Measure(Path.Combine(folder, "raw.db"), leads, new PlainPersonalData());
        var rawPerSecond = leads.Count / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"raw LiteDB inserts of the same {leads.Count:N0} lead documents (one insert each, LiteDB's own commit): {rawPerSecond:0} documents/s; intake is {intakePerSecond / rawPerSecond:0.00}x that"));
    }

    private static async Task<(LatencyStats Stats, double Seconds, IReadOnlyList<string> Numbers, int Failures)> SendAsync(
        HttpClient http, int offset, int count, int concurrency, CancellationToken cancellationToken)
    {
        var stats = new LatencyStats();
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        var next = -1;
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    name = $"新客户{offset + index}",
                    phone = (13800000000L + offset + index).ToString(CultureInfo.InvariantCulture),
                    company = $"新公司{offset + index}",
                    city = "上海",
                });
                var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"api/intake/{Source}") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add(IntakeEndpoints.TimestampHeader, timestamp);
                request.Headers.Add(IntakeEndpoints.SignatureHeader, IntakeSignature.Sign(Secret, timestamp, body));
                var before = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                var answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) : null;
                stats.Add(Stopwatch.GetTimestamp() - before);
                if (answer?["lead"]?.GetValue<string>() is { } number)
                {
                    numbers.Add(number);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        return (stats, Stopwatch.GetElapsedTime(started).TotalSeconds, [.. numbers], failures);
    }
}
