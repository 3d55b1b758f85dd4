using System.Globalization;
using System.Text.Json;

namespace ChatCrm.Language.Evaluation;

/// <summary>
/// score.py's rules, ported exactly: the intent must match and every expected slot must match —
/// lead/name/company/industry/to_user by containment either way (case-folded, whitespace folded,
/// non-empty), amount numerically within 0.005, everything else equal after case folding.
/// </summary>
public static class NluScore
{
    private static readonly HashSet<string> FreeText = ["lead", "name", "company", "industry", "to_user"];

    /// <summary>Scores parsed lines (<c>{"id","intent","slots"}</c>) against case lines (<c>{"id","now","text","expect"}</c>).</summary>
    public static NluScoreResult Score(IEnumerable<string> caseLines, IEnumerable<string> parsedLines)
    {
        var parsed = new Dictionary<string, JsonElement>();
        foreach (var raw in parsedLines)
        {
            var line = raw.Trim();
            if (!line.StartsWith('{'))
            {
                continue;
            }

            JsonElement row;
            try
            {
                row = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }

            if (row.TryGetProperty("id", out var id))
            {
                parsed[Str(id)] = row;
            }
        }

        var failures = new List<string>();
        var total = 0;
        foreach (var caseLine in caseLines.Where(l => l.Trim().Length > 0))
        {
            total++;
            var @case = JsonDocument.Parse(caseLine).RootElement;
            var want = @case.GetProperty("expect");
            var problems = new List<string>();
            if (!parsed.TryGetValue(Str(@case.GetProperty("id")), out var row))
            {
                problems.Add("no output");
            }
            else
            {
                var slots = row.TryGetProperty("slots", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                var gotIntent = row.TryGetProperty("intent", out var intent) ? Str(intent) : "None";
                if (Norm(gotIntent) != Norm(Str(want.GetProperty("intent"))))
                {
                    problems.Add($"intent '{gotIntent}' != '{Str(want.GetProperty("intent"))}'");
                }

                foreach (var slot in want.EnumerateObject().Where(p => p.Name != "intent"))
                {
                    JsonElement? got = slots.ValueKind == JsonValueKind.Object && slots.TryGetProperty(slot.Name, out var g) ? g : null;
                    if (!SlotMatches(slot.Name, slot.Value, got))
                    {
                        problems.Add($"{slot.Name} {(got is { } value ? value.GetRawText() : "None")} != {slot.Value.GetRawText()}");
                    }
                }
            }

            if (problems.Count > 0)
            {
                failures.Add($"FAIL {Str(@case.GetProperty("id"))}: {Str(@case.GetProperty("text"))}  -> {string.Join("; ", problems)}");
            }
        }

        return new NluScoreResult(total - failures.Count, total, failures);
    }

    public static bool SlotMatches(string key, JsonElement want, JsonElement? got)
    {
        if (got is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (FreeText.Contains(key))
        {
            var w = Norm(Str(want));
            var g = Norm(Str(value));
            return g.Length > 0 && (w.Contains(g, StringComparison.Ordinal) || g.Contains(w, StringComparison.Ordinal));
        }

        if (key == "amount")
        {
            return double.TryParse(Str(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var g)
                && double.TryParse(Str(want), NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                && Math.Abs(g - w) < 0.005;
        }

        return Norm(Str(value)) == Norm(Str(want));
    }

    /// <summary>Python's <c>" ".join(str(s).split()).casefold()</c>.</summary>
    public static string Norm(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant().ToLowerInvariant();

    /// <summary>Python's <c>str()</c> of a JSON value.</summary>
    private static string Str(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        _ => value.GetRawText(),
    };
}
