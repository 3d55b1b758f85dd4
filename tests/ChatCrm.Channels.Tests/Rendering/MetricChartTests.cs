using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core.Access;
using ChatCrm.Core.Reports;
using SkiaSharp;

namespace ChatCrm.Channels.Tests.Rendering;

/// <summary>Charts are PNGs drawn with the CJK font by name, so Chinese labels are glyphs, not boxes.</summary>
public sealed class MetricChartTests
{
    [Fact]
    public void The_CJK_font_is_installed_and_has_Chinese_glyphs()
    {
        using var typeface = SKFontManager.Default.MatchFamily(MetricChart.FontFamily);

        Assert.NotNull(typeface);
        Assert.Equal(MetricChart.FontFamily, typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("赢单率新增线索"));
    }

    [Fact]
    public void A_pipeline_chart_renders_as_a_PNG_of_the_chart_size()
    {
        var pipeline = MetricDictionary.Find(MetricDictionary.PipelineByStage)!;
        var result = new MetricResult(350000, 7, null,
            [new MetricPart("new", 0, 2), new MetricPart("qualified", 100000, 2), new MetricPart("negotiation", 250000, 3)], [], 0);

        var png = MetricChart.Render(new MetricAnswer(pipeline, null, result, null, null, AccessScope.Team, DateTimeOffset.UnixEpoch), "zh");

        using var image = SKBitmap.Decode(png);
        Assert.Equal((MetricChart.Width, MetricChart.Height), (image.Width, image.Height));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        if (Environment.GetEnvironmentVariable("CHATCRM_CHART_OUT") is { Length: > 0 } file)
        {
            File.WriteAllBytes(file, png);
        }
    }
}
