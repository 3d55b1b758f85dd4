using System.Diagnostics;
using System.Text.Json;

namespace ChatCrm.IntegrationTests.Language;

/// <summary>
/// `nlu parse --provider openai` and `nlu compare` as an admin runs them (<c>dotnet ChatCrm.dll …</c>),
/// pointed by environment variables at a model stand-in that reads every message as "list my stale
/// leads": the model path's score is then exactly the share of such cases, whatever the rules do.
/// </summary>
public sealed class NluCompareCommandTests : IAsyncLifetime
{
    private static readonly string[] Cases =
    [
        """{"id":"s1","now":"2026-11-18T10:00:00+08:00","text":"哪些客户超过7天没跟进了","expect":{"intent":"query_leads","filter":"stale"}}""",
        """{"id":"s2","now":"2026-11-18T10:00:00+08:00","text":"今天给王总打了电话,他很感兴趣,下周三再跟进","expect":{"intent":"log_followup","lead":"王总","channel":"call","interest":"high","next_at":"2026-11-25"}}""",
        """{"id":"s3","now":"2026-11-18T10:00:00+08:00","text":"帮助","expect":{"intent":"help"}}""",
    ];

    private ModelStandIn _model = null!;
    private string _cases = null!;

    public async Task InitializeAsync()
    {
        _model = await ModelStandIn.StartAsync();
        _model.Otherwise = ModelAnswer.Call("query_leads", """{"filter":"stale"}""");
        _cases = Path.Combine(Path.GetTempPath(), $"nlu-cases-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(_cases, Cases);
    }

    public async Task DisposeAsync()
    {
        File.Delete(_cases);
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Parse_with_the_openai_provider_writes_the_models_readings()
    {
        var (exit, output, _) = await RunAsync("nlu", "parse", "--input", _cases, "--provider", "openai");

        Assert.Equal(0, exit);
        var intents = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("intent").GetString());
        // A query is not a change, so the model's reading stands even where the rules read a follow-up.
        Assert.Equal(["query_leads", "query_leads", "query_leads"], intents);
        Assert.Equal(3, _model.Received.Count);
    }

    [Fact]
    public async Task Compare_scores_both_paths_and_lists_the_cases_they_read_differently()
    {
        var (exit, output, _) = await RunAsync("nlu", "compare", "--input", _cases);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Path.GetFileName(_cases)}: embedded 1.000 (3/3) · openai 0.333 (1/3) · 2 cases read differently", lines[^1]);
        Assert.Contains("differ s2: 今天给王总打了电话,他很感兴趣,下周三再跟进", lines);
        Assert.Contains("  openai   FAIL: query_leads {\"filter\":\"stale\"}", lines);
    }

    [Fact]
    public async Task Compare_without_a_model_says_which_setting_is_missing()
    {
        var (exit, _, error) = await RunAsync(["nlu", "compare", "--input", _cases], endpoint: false);

        Assert.Equal(2, exit);
        Assert.Contains("ChatCrm:Language:OpenAI:Endpoint", error, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments) => RunAsync(arguments, endpoint: true);

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] arguments, bool endpoint)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatCrm.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ChatCrm__Language__OpenAI__Endpoint"] = endpoint ? _model.Endpoint : string.Empty;
        start.Environment["ChatCrm__Language__OpenAI__Model"] = "test-model";
        start.Environment["ChatCrm__Language__OpenAI__ApiKey"] = "sk-test-key";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
