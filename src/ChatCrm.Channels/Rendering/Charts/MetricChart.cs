using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;

namespace ChatCrm.Channels.Rendering.Charts;

/// <summary>
/// Draws a report answer as a PNG bar chart with ScottPlot: its parts (the pipeline's stages,
/// revenue by month, each salesperson's activities) or, for a single number, this period beside the
/// one before. Labels are Chinese or English, so every text uses the CJK font by name: ScottPlot's
/// automatic font detection does not find CJK glyphs with the no-dependencies Skia build.
/// </summary>
public static class MetricChart
{
    /// <summary>Debian's fonts-wqy-microhei; the README's setup and .ci/run install it.</summary>
    public const string FontFamily = "WenQuanYi Micro Hei";

    public const int Width = 640;
    public const int Height = 360;

    public static byte[] Render(MetricAnswer answer, string language)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var (labels, values) = Bars(answer, language);
        var plot = new ScottPlot.Plot();
        try
        {
            var bars = plot.Add.Bars(values);
            bars.Color = ScottPlot.Color.FromHex("#2F6FDE");
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. Enumerable.Range(0, labels.Count).Select(index => (double)index)], [.. labels]);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Margins(bottom: 0);
            plot.Title(answer.Period is { } period
                ? $"{answer.Metric.Name(language)} · {period.DayRange}"
                : $"{answer.Metric.Name(language)} · {Say.In(language, "截至此刻", "as of now")}");
            plot.Font.Set(FontFamily);
            return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>Renders a throwaway chart so the first person to ask does not pay for loading Skia and the font (~200 ms).</summary>
    public static void WarmUp() => Render(
        new MetricAnswer(MetricDictionary.Find(MetricDictionary.NewLeads)!, null, new MetricResult(1, 1, null, [], [], 0), null, null, Core.Access.AccessScope.Own, DateTimeOffset.UnixEpoch),
        "zh");

    private static (IReadOnlyList<string> Labels, double[] Values) Bars(MetricAnswer answer, string language)
    {
        if (answer.Result.Parts.Count > 0)
        {
            var parts = answer.Result.Parts.Take(12).ToList();
            return ([.. parts.Select(part => PartLabel(answer.Metric, part.Label, language))], [.. parts.Select(part => (double)part.Value)]);
        }

        var now = (double)(answer.Result.Value ?? 0);
        return answer.Previous is { } previous
            ? ([Say.In(language, "上期", "previous"), Say.In(language, "本期", "this period")], [(double)(previous.Value ?? 0), now])
            : ([answer.Metric.Name(language)], [now]);
    }

    private static string PartLabel(MetricDefinition metric, string label, string language) =>
        metric.Id == MetricDictionary.PipelineByStage && Enum.TryParse<LeadStage>(label, ignoreCase: true, out var stage) ? Words.Stage(stage, language) : label;
}
