using System.Diagnostics;
using System.Globalization;
using System.Net;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;
using ChatCrm.Language.Model;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatCrm.Cli;

/// <summary>
/// `bench language`: what the language-model path costs ChatCrm itself — Semantic Kernel, the
/// prompt, the JSON, the resilient HttpClient, reading the call — measured against a local
/// OpenAI-compatible stand-in on loopback that answers at once, beside the embedded interpreter on
/// the same sentences. A real model's own latency (hundreds of ms) comes on top and is not ours.
/// </summary>
public static class LanguageBench
{
    private const string Completion = """
        {"id":"chatcmpl-bench","object":"chat.completion","created":1763445600,"model":"bench",
         "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
           "tool_calls":[{"id":"call_bench","type":"function","function":{"name":"crm-log_followup",
             "arguments":"{\"lead\":\"王总\",\"channel\":\"call\",\"interest\":\"high\",\"next_at\":\"2026-11-25\"}"}}]}}],
         "usage":{"prompt_tokens":900,"completion_tokens":30,"total_tokens":930}}
        """;

    public static async Task RunAsync(int messages, CancellationToken cancellationToken)
    {
        await using var standIn = await StartStandInAsync(cancellationToken);
        var endpoint = standIn.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        var model = NluCommand.Interpreter(LanguageProvider.OpenAI, new Dictionary<string, string>
        {
            ["ChatCrm:Language:OpenAI:Endpoint"] = endpoint,
            ["ChatCrm:Language:OpenAI:Model"] = "bench",
            ["ChatCrm:Language:OpenAI:ApiKey"] = "bench-key",
            ["ChatCrm:Language:OpenAI:TimeoutSeconds"] = "3",
        }) ?? throw new InvalidOperationException("The model interpreter could not be built.");
        var embedded = new EmbeddedInterpreter();
        var sentences = BenchSentences.Mixed().Where(sentence => !sentence.StartsWith('/')).ToList();
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

        var (modelStats, fellBack) = await MeasureAsync(model, sentences, now, Math.Min(200, messages), messages, cancellationToken);
        var (embeddedStats, _) = await MeasureAsync(embedded, sentences, now, 2_000, messages, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedded interpreter: {embeddedStats.Describe()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model path (local stand-in, one thread): {modelStats.Describe()}; {fellBack} of {messages} fell back to the embedded reading"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model path overhead: p50 +{modelStats.PercentileMs(50) - embeddedStats.PercentileMs(50):0.000} ms, p99 +{modelStats.PercentileMs(99) - embeddedStats.PercentileMs(99):0.000} ms"));
    }

    private static async Task<(LatencyStats Stats, int FellBack)> MeasureAsync(
        IInterpreter interpreter, IReadOnlyList<string> sentences, DateTimeOffset now, int warmUp, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await interpreter.InterpretAsync(new Utterance(sentences[i % sentences.Count], now), cancellationToken);
        }

        var stats = new LatencyStats();
        var fellBack = 0;
        for (var i = 0; i < count; i++)
        {
            var utterance = new Utterance(sentences[i % sentences.Count], now);
            var before = Stopwatch.GetTimestamp();
            var understood = await interpreter.InterpretAsync(utterance, cancellationToken);
            stats.Add(Stopwatch.GetTimestamp() - before);
            // The stand-in always answers log_followup 王总 by call: anything else is the fallback.
            if (interpreter is not EmbeddedInterpreter && understood.Intent is not LogFollowUpIntent { LeadMention: "王总" } and not ChooseMeaningIntent)
            {
                fellBack++;
            }
        }

        return (stats, fellBack);
    }

    private static async Task<WebApplication> StartStandInAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            // Read the request as a real server would, then answer at once.
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync(context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Completion, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
