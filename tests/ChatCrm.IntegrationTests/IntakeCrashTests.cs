using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using ChatCrm.IntegrationTests.Intake;
using ChatCrm.IntegrationTests.Teams;
using ChatCrm.Jobs;
using ChatCrm.Storage.LiteDb;
using Xunit.Abstractions;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// Issue 5's crash test: the real server, a process of its own, is SIGKILLed in the middle of a
/// stream of signed intake requests, then started again on the same database. Every lead answered
/// 201 must be in the store once, and every offer it caused must still reach the salesperson's
/// Teams chat (a loopback stand-in for the connector). Runs on real time: the server is a real process.
/// </summary>
public sealed partial class IntakeCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Senders = 4;
    private const int KillAfterCreated = 300;

    // Demo users whose Teams chats are known before the stream: the east team's manager and salespeople.
    private static readonly (string User, string AadObjectId)[] TeamsUsers =
    [
        ("wang", "00000000-0000-0000-0000-000000000a01"),
        ("alice", "00000000-0000-0000-0000-0000000a11ce"),
        ("bob", "00000000-0000-0000-0000-000000000b0b"),
    ];

    private readonly TempFolder _folder = new();
    private ConnectorStandIn _connector = null!;

    private string DatabasePath => Path.Combine(_folder.Path, "chatcrm.db");

    public async Task InitializeAsync() => _connector = await ConnectorStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Leads_answered_201_before_a_SIGKILL_are_stored_once_and_their_offers_reach_Teams_after_the_restart()
    {
        var clock = Stopwatch.StartNew();
        IntakeStream.Outcome stream;
        await using (var first = await ServerProcess.StartAsync(Settings()))
        {
            await RegisterTeamsChatsAsync(first);
            stream = await IntakeStream.UntilKilledAsync(first, Senders, KillAfterCreated);
        }

        // Requests the dead process had sent to the connector may still be landing.
        await Task.Delay(300);
        var cardsBeforeKill = _connector.Received.Count;
        Assert.True(File.Exists(DatabasePath + ".lock"), "the killed process left its lock file, which must not stop the restart");

        IReadOnlyList<RetriedLead> retried;
        await using (var second = await ServerProcess.StartAsync(Settings()))
        {
            retried = await RetryUnansweredAsync(second, stream);
            await WaitForQuietConnectorAsync(TimeSpan.FromSeconds(2));
            Assert.Equal(0, await second.StopAsync());
        }

        // The killed dispatcher's claims hold their deliveries for DispatchOutbox.ClaimFor (2 minutes);
        // rather than wait that out on real time, the test moves their next attempt to now.
        var held = await ReleaseClaimsOfTheKilledProcessAsync(stream.KilledAt);
        if (held > 0)
        {
            await using var third = await ServerProcess.StartAsync(Settings());
            await WaitForQuietConnectorAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(0, await third.StopAsync());
        }

        output.WriteLine(
            $"{stream.Created.Count} answered 201 before the kill, {stream.Cut.Count} cut by it ({retried.Count} retried, " +
            $"{retried.Count(lead => lead.Replayed)} of them replayed), {held} deliveries held by the killed dispatcher's claims, " +
            $"{cardsBeforeKill} connector requests before the kill and {_connector.Received.Count} in all; {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Empty(stream.Refused);
        Assert.NotEmpty(stream.Cut);
        var leadByIndex = stream.Created.Concat(retried.Select(lead => KeyValuePair.Create(lead.Index, lead.Lead))).ToDictionary();
        await AssertStoredOnceWithAuditAsync(stream, leadByIndex);
        await AssertOutboxSettledAsync(leadByIndex.Values);
        AssertEachOfferCardSentOnceByEachLife(leadByIndex.Values, cardsBeforeKill);
    }

    private IEnumerable<string> Settings()
    {
        // Open every day from 00:00 to 23:59 in a zone where it is about noon now, so the closed
        // minute is hours away and no lead waits for working hours.
        var offset = (12 - DateTimeOffset.UtcNow.Hour + 24) % 24;
        offset = offset > 12 ? offset - 24 : offset;
        var zone = offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}"; // Etc/GMT-8 is UTC+8
        string[] settings =
        [
            "--environment=Testing",
            "--Logging:LogLevel:Default=Warning",
            $"--ChatCrm:Storage:LiteDbPath={DatabasePath}",
            "--ChatCrm:Teams:Enabled=true",
            // Room for every lead: each is offered to alice or bob, none escalated for want of capacity.
            "--ChatCrm:Assignment:Rules:0:Name=crash-test",
            "--ChatCrm:Assignment:Rules:0:Sources:0=webform",
            "--ChatCrm:Assignment:Rules:0:Capacity=1000",
            $"--ChatCrm:Assignment:WorkingHours:east:TimeZone={zone}",
            "--ChatCrm:Assignment:WorkingHours:east:Start=00:00",
            "--ChatCrm:Assignment:WorkingHours:east:End=23:59",
            .. Enum.GetNames<DayOfWeek>().Select((day, index) => $"--ChatCrm:Assignment:WorkingHours:east:Days:{index}={day}"),
            .. IntakeClient.Settings.Where(setting => setting.Key.StartsWith("ChatCrm:Intake:Sources:0:", StringComparison.Ordinal))
                .Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        return settings;
    }

    /// <summary>A personal message from each user, so the app knows their Teams chat; each is answered there.</summary>
    private async Task RegisterTeamsChatsAsync(ServerProcess server)
    {
        var fixture = await File.ReadAllTextAsync(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json"));
        foreach (var (user, aadObjectId) in TeamsUsers)
        {
            var hello = JsonNode.Parse(fixture)!.AsObject();
            hello["id"] = $"crash-hello-{user}";
            hello["serviceUrl"] = _connector.ServiceUrl;
            hello["from"] = new JsonObject { ["id"] = $"29:{user}", ["name"] = user, ["aadObjectId"] = aadObjectId };
            hello["conversation"]!["id"] = ConversationOf(user);
            using var answer = await server.Client.PostAsync("/api/messages", new StringContent(hello.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        for (var attempt = 0; attempt < 100 && _connector.Received.Count < TeamsUsers.Length; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(TeamsUsers.Length, _connector.Received.Count);
    }

    /// <summary>Sends each cut request again with its Idempotency-Key, as its source would: every one is answered 201 now.</summary>
    private static async Task<IReadOnlyList<RetriedLead>> RetryUnansweredAsync(ServerProcess server, IntakeStream.Outcome stream)
    {
        var answers = new List<RetriedLead>();
        foreach (var lead in stream.Cut)
        {
            using var response = await lead.PostAsync(server.Client);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"retry of {lead.Index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var answer = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!;
            answers.Add(new RetriedLead(lead.Index, answer.Lead, response.Headers.Contains(IntakeEndpoints.ReplayedHeader)));
        }

        return answers;
    }

    /// <summary>Waits until the connector has heard nothing for <paramref name="quiet"/>: the engine, router and dispatcher each tick several times a second.</summary>
    private async Task WaitForQuietConnectorAsync(TimeSpan quiet)
    {
        var seen = _connector.Received.Count;
        var sinceLast = Stopwatch.StartNew();
        var overall = Stopwatch.StartNew();
        while (sinceLast.Elapsed < quiet && overall.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            if (_connector.Received.Count != seen)
            {
                seen = _connector.Received.Count;
                sinceLast.Restart();
            }
        }
    }

    /// <summary>
    /// Deliveries still pending with a next attempt in the future can only be claims the killed
    /// dispatcher took and never recorded (one batch at most); their claim is ended as time would
    /// end it. Returns how many there were.
    /// </summary>
    private async Task<int> ReleaseClaimsOfTheKilledProcessAsync(DateTimeOffset killedAt)
    {
        using var store = OpenStore();
        var now = DateTimeOffset.UtcNow;
        var held = await store.ReadAsync(session => session.Outbox.Due(now.AddDays(1), 1000), default);
        Assert.All(held, message => Assert.True(
            message.Attempts == 0 && message.NextAttemptAt > now && message.NextAttemptAt <= killedAt + DispatchOutbox.ClaimFor,
            $"delivery {message.Id} is pending with {message.Attempts} attempts until {message.NextAttemptAt:O} ({message.LastError}); the kill was at {killedAt:O}"));
        Assert.InRange(held.Count, 0, OutboxDispatcher.BatchSize);
        await store.WriteAsync(session =>
        {
            foreach (var message in held)
            {
                session.Outbox.Update(message with { NextAttemptAt = now });
            }

            return held.Count;
        }, default);
        return held.Count;
    }

    /// <summary>Every lead answered 201 (before the kill or on retry) is stored once, under its phone alone, with its audit entries; no other intake lead exists.</summary>
    private async Task AssertStoredOnceWithAuditAsync(IntakeStream.Outcome stream, IReadOnlyDictionary<int, string> leadByIndex)
    {
        using var store = OpenStore();
        var stored = await store.ReadAsync(session => stream.Sent.Select(lead => (
            lead.Index,
            ByPhone: session.Leads.FindAllByPhone(Phone.TryParse(lead.Phone)!, 10).Select(found => found.Number).ToList(),
            Audit: leadByIndex.TryGetValue(lead.Index, out var number) ? session.Audit.ForLead(number, 50).Select(entry => entry.Action).ToList() : [])).ToList(), default);
        var intakeLeads = await store.ReadAsync(session => session.Leads.List(new LeadQuery { IncludeClosed = true, Limit = 100_000 }).Count(lead => lead.Source == "webform"), default);

        Assert.All(stored, lead =>
        {
            Assert.InRange(lead.ByPhone.Count, 0, 1);
            if (leadByIndex.TryGetValue(lead.Index, out var number))
            {
                Assert.Equal([number], lead.ByPhone);
                Assert.Single(lead.Audit, action => action == AuditActions.CreateLead);
                Assert.Single(lead.Audit, action => action == AuditActions.OfferLead);
            }
        });
        Assert.Equal(stored.Count(lead => lead.ByPhone.Count == 1), intakeLeads);
        Assert.Equal(leadByIndex.Count, leadByIndex.Values.Distinct().Count());
    }

    /// <summary>Nothing is left to do: no request waits for the engine, no notice or delivery is pending or dead, and each lead's offer notice was handed to Teams.</summary>
    private async Task AssertOutboxSettledAsync(IEnumerable<string> leads)
    {
        using var store = OpenStore();
        var later = DateTimeOffset.UtcNow.AddDays(1);
        var (requests, notices, deliveries, dead) = await store.ReadAsync(session => (
            session.AssignmentRequests.Oldest(1000), session.Outbox.NoticesDue(later, 1000), session.Outbox.Due(later, 1000), session.Outbox.DeadLetters(1000)), default);
        var offerNotices = await store.ReadAsync(session => leads.Select(lead => (Lead: lead, Assignment: session.LeadAssignments.Find(lead))).Select(found => (
            found.Lead,
            found.Assignment?.State,
            Notice: found.Assignment?.Steps.LastOrDefault(step => step.Kind == AssignmentStepKind.Notified) is { } notified ? session.Outbox.Find(Guid.Parse(notified.Detail!))?.State : null)).ToList(), default);

        Assert.Empty(requests);
        Assert.Empty(notices);
        Assert.Empty(deliveries);
        Assert.Empty(dead);
        Assert.All(offerNotices, offer => Assert.Equal((offer.Lead, AssignmentState.Offered, OutboxState.Delivered), (offer.Lead, offer.State, offer.Notice)));
    }

    /// <summary>
    /// Every lead's offer reached a salesperson's chat. At least once, and no more than the crash
    /// explains: each life of the server sends a card at most once; a second card is a delivery the
    /// killed process sent but had not recorded, so the restart sent it again.
    /// </summary>
    private void AssertEachOfferCardSentOnceByEachLife(IEnumerable<string> leads, int cardsBeforeKill)
    {
        var received = _connector.Received.ToList();
        var salespeople = new[] { ConversationOf("alice"), ConversationOf("bob") }.Select(Uri.EscapeDataString).ToList();
        Assert.All(received.Skip(TeamsUsers.Length), request => Assert.Contains(salespeople, conversation => request.PathAndQuery.Contains(conversation, StringComparison.Ordinal)));
        var before = CardsPerLead(received.Take(cardsBeforeKill));
        var after = CardsPerLead(received.Skip(cardsBeforeKill));

        Assert.All(leads, lead =>
        {
            var (early, late) = (before.GetValueOrDefault(lead), after.GetValueOrDefault(lead));
            Assert.True(early + late >= 1 && early <= 1 && late <= 1, $"lead {lead}: {early} cards before the kill, {late} after");
        });
        Assert.InRange(before.Keys.Count(after.ContainsKey), 0, OutboxDispatcher.BatchSize);
    }

    private static Dictionary<string, int> CardsPerLead(IEnumerable<ReceivedRequest> requests) =>
        requests.SelectMany(request => LeadNumberPattern().Matches(request.Body).Select(match => match.Value).Distinct())
            .GroupBy(lead => lead).ToDictionary(group => group.Key, group => group.Count());

    private static string ConversationOf(string user) => $"a:crash-{user}";

    private LiteDbCrmStore OpenStore() => new(new LiteDbStoreOptions { DatabasePath = DatabasePath }, new PlainPersonalData());

    [GeneratedRegex(@"L-\d{8}-\d{4,}")]
    private static partial Regex LeadNumberPattern();

    /// <param name="Replayed">The killed process had committed it: the retry got the answer it had lost.</param>
    private sealed record RetriedLead(int Index, string Lead, bool Replayed);
}
