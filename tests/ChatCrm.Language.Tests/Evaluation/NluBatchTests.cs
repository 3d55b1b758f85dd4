using System.Text.Json;
using ChatCrm.Language.Embedded;
using ChatCrm.Language.Evaluation;

namespace ChatCrm.Language.Tests.Evaluation;

/// <summary>The batch runner turns case lines into the lines score.py reads.</summary>
public sealed class NluBatchTests
{
    [Fact]
    public async Task Each_case_gives_one_line_with_id_intent_and_slots()
    {
        var (count, lines) = await RunAsync(
            """{"id":"zh-amt-01","now":"2026-11-18T10:00:00+08:00","text":"华为这单金额改成50万","expect":{"intent":"set_amount"}}""");

        Assert.Equal(1, count);
        var row = JsonDocument.Parse(lines.Single()).RootElement;
        Assert.Equal("zh-amt-01", row.GetProperty("id").GetString());
        Assert.Equal("set_amount", row.GetProperty("intent").GetString());
        Assert.Equal(500000m, row.GetProperty("slots").GetProperty("amount").GetDecimal());
        Assert.Equal("CNY", row.GetProperty("slots").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Chinese_is_written_readable_not_escaped()
    {
        var (_, lines) = await RunAsync("""{"id":"a","now":"2026-11-18T10:00:00+08:00","text":"把张伟转给李雷跟进"}""");

        Assert.Contains("\"lead\":\"张伟\"", lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_line_becomes_an_error_line_and_the_run_goes_on()
    {
        var (count, lines) = await RunAsync(
            "{not json",
            """{"id":"no-now","text":"help"}""",
            """{"id":"ok","now":"2026-11-18T10:00:00+08:00","text":"help"}""");

        Assert.Equal(3, count);
        Assert.True(JsonDocument.Parse(lines[0]).RootElement.TryGetProperty("error", out _));
        Assert.Equal("no-now", JsonDocument.Parse(lines[1]).RootElement.GetProperty("id").GetString());
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
        Assert.Equal("help", JsonDocument.Parse(lines[2]).RootElement.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task Blank_lines_are_skipped()
    {
        var (count, lines) = await RunAsync("", """{"id":"a","now":"2026-11-18T10:00:00+08:00","text":"help"}""", "   ");

        Assert.Equal(1, count);
        Assert.Single(lines);
    }

    [Fact]
    public async Task Now_and_its_offset_come_from_the_case()
    {
        var (_, lines) = await RunAsync("""{"id":"a","now":"2026-11-18T22:00:00-08:00","text":"remind me in 3 hours to email Ken"}""");

        Assert.Equal("2026-11-19T01:00", JsonDocument.Parse(lines.Single()).RootElement.GetProperty("slots").GetProperty("at").GetString());
    }

    private static async Task<(int Count, string[] Lines)> RunAsync(params string[] caseLines)
    {
        using var input = new StringReader(string.Join('\n', caseLines));
        using var output = new StringWriter();
        var count = await NluBatch.RunAsync(input, output, new EmbeddedInterpreter(), CancellationToken.None);
        return (count, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
