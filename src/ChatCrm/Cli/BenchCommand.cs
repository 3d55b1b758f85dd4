using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Cli;

/// <summary>
/// `bench`: measures the interpreter per message, and full web chat turns that log a follow-up
/// over HTTP against a store seeded with many leads. Writes to a temporary folder, never to data/.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var leads = new Option<int>("--leads") { Description = "Leads in the store", DefaultValueFactory = _ => 100_000 };
        var messages = new Option<int>("--messages") { Description = "Messages for the interpreter benchmark", DefaultValueFactory = _ => 50_000 };
        var turns = new Option<int>("--turns") { Description = "Follow-up turns over HTTP", DefaultValueFactory = _ => 20_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Turns in flight at once", DefaultValueFactory = _ => 16 };
        var command = new Command("bench", "Measure the interpreter and the follow-up turn") { leads, messages, turns, concurrency };
        command.SetAction(async (result, cancellationToken) =>
        {
            InterpreterBench(result.GetValue(messages));
            await TurnBench.RunAsync(result.GetValue(leads), result.GetValue(turns), result.GetValue(concurrency), cancellationToken);
            return 0;
        });
        command.Subcommands.Add(IntakeCommand());
        command.Subcommands.Add(StaleCommand());
        command.Subcommands.Add(LanguageCommand());
        command.Subcommands.Add(ReportsCommand());
        return command;
    }

    // `bench reports`: report answers, the digest for every team and a large Excel export over many leads and follow-ups.
    private static Command ReportsCommand()
    {
        var leads = new Option<int>("--leads") { Description = "Leads in the store", DefaultValueFactory = _ => 1_000_000 };
        var followUps = new Option<int>("--followups") { Description = "Follow-ups in the store", DefaultValueFactory = _ => 5_000_000 };
        var teams = new Option<int>("--teams") { Description = "Teams of ten salespeople", DefaultValueFactory = _ => 50 };
        var repeat = new Option<int>("--repeat") { Description = "Times each answer is asked", DefaultValueFactory = _ => 20 };
        var rows = new Option<int>("--export-rows") { Description = "Rows the Excel export should hold at least", DefaultValueFactory = _ => 100_000 };
        var command = new Command("reports", "Measure report answers, the morning digest for every team and an Excel export on a large store") { leads, followUps, teams, repeat, rows };
        command.SetAction(async (result, cancellationToken) =>
        {
            await ReportBench.RunAsync(result.GetValue(leads), result.GetValue(followUps), result.GetValue(teams), result.GetValue(repeat), result.GetValue(rows), cancellationToken);
            return 0;
        });
        return command;
    }

    // `bench language`: the language-model path's own overhead against a local stand-in, beside the embedded interpreter.
    private static Command LanguageCommand()
    {
        var messages = new Option<int>("--messages") { Description = "Messages through each path", DefaultValueFactory = _ => 2_000 };
        var command = new Command("language", "Measure the language-model path against a local OpenAI-compatible stand-in, beside the embedded interpreter") { messages };
        command.SetAction(async (result, cancellationToken) =>
        {
            await LanguageBench.RunAsync(result.GetValue(messages), cancellationToken);
            return 0;
        });
        return command;
    }

    // `bench intake`: the intake gateway's throughput on a store holding a million leads.
    private static Command IntakeCommand()
    {
        var leads = new Option<int>("--leads") { Description = "Leads in the store before intake starts", DefaultValueFactory = _ => 1_000_000 };
        var requests = new Option<int>("--requests") { Description = "Signed intake requests to send", DefaultValueFactory = _ => 20_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients sending at once", DefaultValueFactory = _ => 8 };
        var command = new Command("intake", "Measure signed intake requests, and raw LiteDB inserts of the same leads") { leads, requests, concurrency };
        command.SetAction(async (result, cancellationToken) =>
        {
            await IntakeBench.RunAsync(result.GetValue(leads), result.GetValue(requests), result.GetValue(concurrency), cancellationToken);
            return 0;
        });
        return command;
    }

    // `bench stale`: the stale-lead scan on a store holding a million leads, with chat turns going on.
    private static Command StaleCommand()
    {
        var leads = new Option<int>("--leads") { Description = "Leads in the store", DefaultValueFactory = _ => 1_000_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Chat turns in flight during the scan", DefaultValueFactory = _ => 8 };
        var command = new Command("stale", "Measure the stale-lead scan, and chat turns while it runs") { leads, concurrency };
        command.SetAction(async (result, cancellationToken) =>
        {
            await StaleBench.RunAsync(result.GetValue(leads), result.GetValue(concurrency), cancellationToken);
            return 0;
        });
        return command;
    }

    private static void InterpreterBench(int count)
    {
        var interpreter = new EmbeddedInterpreter();
        var sentences = BenchSentences.Mixed();
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < 2_000; i++)
        {
            interpreter.Interpret(new Utterance(sentences[i % sentences.Count], now));
        }

        var stats = new LatencyStats();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var utterance = new Utterance(sentences[i % sentences.Count], now);
            var before = Stopwatch.GetTimestamp();
            interpreter.Interpret(utterance);
            stats.Add(Stopwatch.GetTimestamp() - before);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"interpreter: {stats.Describe()}; {count / seconds:0} messages/s on one thread ({sentences.Count} distinct sentences)"));
    }
}
