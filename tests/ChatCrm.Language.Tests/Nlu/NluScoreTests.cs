using ChatCrm.Language.Evaluation;
using System.Text.Json;

namespace ChatCrm.Language.Tests.Nlu;

/// <summary>The C# port of score.py judges slots as score.py does.</summary>
public sealed class NluScoreTests
{
    [Theory]
    [InlineData("lead", "\"李经理\"", "\"华为 李经理\"", true)]
    [InlineData("lead", "\"Acme\"", "\"acme corp\"", true)]
    [InlineData("company", "\"Acme Corp\"", "\"ACME\"", true)]
    [InlineData("lead", "\"Acme\"", "\"  \"", false)]
    [InlineData("lead", "\"Acme\"", "\"Globex\"", false)]
    [InlineData("to_user", "\"Bob  Lee\"", "\"bob lee\"", true)]
    [InlineData("amount", "500000", "500000.001", true)]
    [InlineData("amount", "500000", "\"500000\"", true)]
    [InlineData("amount", "500000", "500001", false)]
    [InlineData("channel", "\"wechat\"", "\"WeChat\"", true)]
    [InlineData("next_at", "\"2026-11-25\"", "\"2026-11-25T00:00\"", false)]
    [InlineData("reason", "\"联系不上\"", "\"客户联系不上\"", false)]
    [InlineData("stage", "\"won\"", "null", false)]
    public void Slot_is_judged_like_score_py(string key, string want, string got, bool matches)
    {
        var wanted = JsonDocument.Parse(want).RootElement;
        var given = JsonDocument.Parse(got).RootElement;

        Assert.Equal(matches, NluScore.SlotMatches(key, wanted, given));
    }

    [Fact]
    public void Missing_slot_fails_the_case_and_is_reported()
    {
        string[] cases = ["""{"id":"a","now":"2026-11-18T10:00:00+08:00","text":"x","expect":{"intent":"claim_lead","lead":"Acme"}}"""];
        string[] parsed = ["""{"id":"a","intent":"claim_lead","slots":{}}"""];

        var result = NluScore.Score(cases, parsed);

        Assert.Equal(0, result.Passed);
        Assert.Contains("lead None", result.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Case_without_output_fails()
    {
        string[] cases = ["""{"id":"a","now":"2026-11-18T10:00:00+08:00","text":"x","expect":{"intent":"help"}}"""];

        var result = NluScore.Score(cases, []);

        Assert.Contains("no output", result.Failures.Single(), StringComparison.Ordinal);
    }
}
