using System.CommandLine;
using ChatCrm.Hosting;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;
using ChatCrm.Language.Evaluation;
using ChatCrm.Language.Model;

namespace ChatCrm.Cli;

/// <summary>
/// `nlu parse --input FILE [--provider embedded|openai]`: what the configured interpreter (or the one
/// named) understands of each case, one JSON line each, for score.py. `nlu compare --input FILE…`:
/// each case file scored on the embedded rules and on the language model, and the cases they read
/// differently. The model path is ChatCrm:Language as the server has it, with its budget and fallback.
/// </summary>
public static class NluCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON lines {\"id\",\"now\",\"text\"} (\"-\" for standard input)", Required = true };
        var provider = new Option<LanguageProvider?>("--provider") { Description = "embedded or openai (default: ChatCrm:Language:Provider)" };
        var parse = new Command("parse", "Interpret each case and write {\"id\",\"intent\",\"slots\"} lines to standard output") { input, provider };
        parse.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(input)!;
            if (file.Name != "-" && !file.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {file.FullName}");
                return 2;
            }

            if (Interpreter(result.GetValue(provider)) is not { } interpreter)
            {
                return 2;
            }

            using var reader = file.Name == "-" ? Console.In : new StreamReader(file.FullName);
            var output = Console.Out;
            await NluBatch.RunAsync(reader, output, interpreter, cancellationToken);
            await output.FlushAsync(cancellationToken);
            return 0;
        });

        var inputs = new Option<FileInfo[]>("--input") { Description = "NLU case files with \"expect\" (repeat for several sets)", Required = true, AllowMultipleArgumentsPerToken = true };
        var compare = new Command("compare", "Score each case set on the embedded rules and on the language model, and list the cases they read differently") { inputs };
        compare.SetAction(async (result, cancellationToken) =>
        {
            var files = result.GetValue(inputs)!;
            if (files.FirstOrDefault(file => !file.Exists) is { } missing)
            {
                await Console.Error.WriteLineAsync($"No such file: {missing.FullName}");
                return 2;
            }

            if (Interpreter(LanguageProvider.OpenAI) is not { } model)
            {
                return 2;
            }

            var embedded = new EmbeddedInterpreter();
            foreach (var file in files)
            {
                var cases = await File.ReadAllLinesAsync(file.FullName, cancellationToken);
                var comparison = await NluCompare.CompareAsync(file.Name, cases, embedded, model, cancellationToken);
                Print(comparison);
            }

            return 0;
        });
        return new Command("nlu", "Natural-language tools") { parse, compare };
    }

    private static void Print(NluComparison comparison)
    {
        foreach (var difference in comparison.Differences)
        {
            Console.WriteLine($"differ {difference.Id}: {difference.Text}");
            Console.WriteLine($"  embedded {(difference.FirstPassed ? "pass" : "FAIL")}: {difference.First}");
            Console.WriteLine($"  openai   {(difference.SecondPassed ? "pass" : "FAIL")}: {difference.Second}");
        }

        Console.WriteLine($"{comparison.CaseSet}: embedded {comparison.First.Accuracy:F3} ({comparison.First.Passed}/{comparison.First.Total}) · "
            + $"openai {comparison.Second.Accuracy:F3} ({comparison.Second.Passed}/{comparison.Second.Total}) · {comparison.Differences.Count} cases read differently");
    }

    /// <summary>The interpreter ChatCrm:Language configures (or <paramref name="provider"/>), built as the server builds it; null after saying why not.</summary>
    internal static IInterpreter? Interpreter(LanguageProvider? provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        RepositoryConfiguration.AddBuiltInDefaults(builder.Configuration);
        if (provider is { } chosen)
        {
            builder.Configuration[$"{LanguageOptions.Section}:Provider"] = chosen.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        // Standard output carries the results: every log line goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmbeddedInterpreter>();
        builder.Services.AddSingleton<IInterpreter>(services => services.GetRequiredService<EmbeddedInterpreter>());
        try
        {
            builder.AddLanguageModel();
        }
        catch (Exception problem) when (problem is InvalidOperationException or PromptFolderException)
        {
            Console.Error.WriteLine(problem.Message);
            return null;
        }

        // Built, never started: nothing runs but the interpreter.
        var host = builder.Build();
        return host.Services.GetRequiredService<IInterpreter>();
    }
}
