using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCrm.Endpoints;
using ChatCrm.Intake;
using ChatCrm.IntegrationTests.Intake;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// Several webform sources posting signed leads at once, each lead with a phone of its own, until
/// enough were answered 201; then the server is killed with requests in flight. A request it never
/// answered is "cut": its source got no 201 and sends it again.
/// </summary>
internal static class IntakeStream
{
    public static async Task<Outcome> UntilKilledAsync(ServerProcess server, int senders, int killAfterCreated)
    {
        var sent = new ConcurrentDictionary<int, Lead>();
        var created = new ConcurrentDictionary<int, string>();
        var refused = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Senders go on until the process is dead, so some requests are always cut by the kill (asking them
        // to stop first let a fast server answer every one while the kill was on its way); from the moment
        // the kill starts, a failed request is one it cut.
        var killing = 0;
        var killed = 0;
        var next = 0;

        async Task SendAsync()
        {
            while (Volatile.Read(ref killed) == 0)
            {
                var lead = Lead.Numbered(Interlocked.Increment(ref next));
                sent[lead.Index] = lead;
                try
                {
                    using var response = await lead.PostAsync(server.Client);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        refused.Add($"{lead.Index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        continue;
                    }

                    created[lead.Index] = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!.Lead;
                    if (created.Count >= killAfterCreated)
                    {
                        enough.TrySetResult();
                    }
                }
                catch (Exception) when (Volatile.Read(ref killing) == 1)
                {
                    return;
                }
            }
        }

        var running = Enumerable.Range(0, senders).Select(_ => Task.Run(SendAsync)).ToArray();
        // A sender that fails before the kill ends the wait with its exception.
        await await Task.WhenAny(enough.Task, Task.WhenAll(running)).WaitAsync(TimeSpan.FromSeconds(40));
        Volatile.Write(ref killing, 1);
        // Read after the kill: finding the process tree to kill takes a while under load, and the
        // dead process's last claims are bounded by when it died, not by when the kill was asked for.
        server.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        Volatile.Write(ref killed, 1);
        await Task.WhenAll(running);

        var cut = sent.Values.Where(lead => !created.ContainsKey(lead.Index)).OrderBy(lead => lead.Index).ToList();
        return new Outcome([.. sent.Values.OrderBy(lead => lead.Index)], created, cut, [.. refused], killedAt);
    }

    /// <param name="Created">Lead numbers answered 201, by the index of the lead sent.</param>
    /// <param name="Refused">Answers other than 201 before the kill; there should be none.</param>
    public sealed record Outcome(IReadOnlyList<Lead> Sent, IReadOnlyDictionary<int, string> Created, IReadOnlyList<Lead> Cut, IReadOnlyList<string> Refused, DateTimeOffset KilledAt);

    /// <summary>One lead as the webform source sends it: a JSON body, signed anew on every send, with an Idempotency-Key for retries.</summary>
    public sealed record Lead(int Index, string Phone, byte[] Body)
    {
        public static Lead Numbered(int index)
        {
            var phone = $"1370000{index:0000}";
            return new Lead(index, phone, JsonSerializer.SerializeToUtf8Bytes(new { name = $"Crash Test {index}", mobile = phone, message = "crash test" }));
        }

        public async Task<HttpResponseMessage> PostAsync(HttpClient client)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/webform") { Content = new ByteArrayContent(Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(IntakeEndpoints.TimestampHeader, timestamp);
            request.Headers.Add(IntakeEndpoints.SignatureHeader, IntakeSignature.Sign(IntakeClient.WebformSecret, timestamp, Body));
            request.Headers.Add(IntakeEndpoints.IdempotencyKeyHeader, $"crash-{Index}");
            return await client.SendAsync(request);
        }
    }
}
