using ChatCrm.Language.Embedded;
using ChatCrm.Language.Evaluation;

namespace ChatCrm.Language.Tests.Nlu;

/// <summary>Scores the embedded interpreter on the case files with score.py's rules, through the batch runner.</summary>
public sealed class NluCaseFileTests
{
    [Fact]
    public async Task Public_cases_are_understood_at_least_95_percent()
    {
        var result = await ScoreAsync("cases.public.jsonl");

        Assert.True(result.Accuracy >= 0.95, result.Report());
    }

    [Fact]
    public async Task Extra_cases_with_other_names_dates_and_offsets_are_understood_at_least_90_percent()
    {
        var result = await ScoreAsync("cases.extra.jsonl");

        Assert.True(result.Accuracy >= 0.90, result.Report());
    }

    [Fact]
    public void Extra_case_file_holds_at_least_60_cases_with_unique_ids()
    {
        var ids = ReadCaseLines("cases.extra.jsonl")
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString())
            .ToList();

        Assert.True(ids.Count >= 60, $"only {ids.Count} cases");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static async Task<NluScoreResult> ScoreAsync(string fileName)
    {
        var cases = ReadCaseLines(fileName);
        using var input = new StringReader(string.Join('\n', cases));
        using var output = new StringWriter();
        await NluBatch.RunAsync(input, output, new EmbeddedInterpreter(), CancellationToken.None);
        return NluScore.Score(cases, output.ToString().Split('\n'));
    }

    private static List<string> ReadCaseLines(string fileName) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Nlu", fileName))
            .Where(line => line.Trim().Length > 0)
            .ToList();
}
