using System.Text.Json;

namespace ChatCrm.Language.Evaluation;

/// <summary>One case the two paths read differently, with whether each reading passed.</summary>
public sealed record NluDifference(string Id, string Text, string First, bool FirstPassed, string Second, bool SecondPassed);

/// <summary>Both paths' scores on one case file, and the cases where their readings differ.</summary>
public sealed record NluComparison(string CaseSet, NluScoreResult First, NluScoreResult Second, IReadOnlyList<NluDifference> Differences);

/// <summary>
/// Runs two interpreters (the embedded rules and the language model, say) over the same NLU cases,
/// scores each with score.py's rules and lists the cases where their readings differ.
/// </summary>
public static class NluCompare
{
    public static async Task<NluComparison> CompareAsync(string caseSet, IReadOnlyList<string> caseLines, IInterpreter first, IInterpreter second, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseLines);
        var firstLines = await ParseAsync(caseLines, first, cancellationToken);
        var secondLines = await ParseAsync(caseLines, second, cancellationToken);
        var cases = caseLines.Where(line => line.Trim().Length > 0).ToList();
        var differences = new List<NluDifference>();
        for (var index = 0; index < cases.Count; index++)
        {
            var (a, b) = (Reading(firstLines[index]), Reading(secondLines[index]));
            if (a == b)
            {
                continue;
            }

            using var @case = JsonDocument.Parse(cases[index]);
            var root = @case.RootElement;
            var id = root.TryGetProperty("id", out var caseId) ? caseId.ToString() : $"line {index + 1}";
            var text = root.TryGetProperty("text", out var said) ? said.ToString() : string.Empty;
            differences.Add(new NluDifference(id, text,
                a, NluScore.Score([cases[index]], [firstLines[index]]).Passed == 1,
                b, NluScore.Score([cases[index]], [secondLines[index]]).Passed == 1));
        }

        return new NluComparison(caseSet, NluScore.Score(cases, firstLines), NluScore.Score(cases, secondLines), differences);
    }

    private static async Task<IReadOnlyList<string>> ParseAsync(IReadOnlyList<string> caseLines, IInterpreter interpreter, CancellationToken cancellationToken)
    {
        using var input = new StringReader(string.Join('\n', caseLines));
        using var output = new StringWriter();
        await NluBatch.RunAsync(input, output, interpreter, cancellationToken);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The parsed line without its id: "log_followup {"lead":"王总",…}".</summary>
    private static string Reading(string parsedLine)
    {
        using var parsed = JsonDocument.Parse(parsedLine);
        var root = parsed.RootElement;
        return root.TryGetProperty("error", out var error)
            ? $"error {error}"
            : $"{root.GetProperty("intent").GetString()} {root.GetProperty("slots").GetRawText()}";
    }
}
