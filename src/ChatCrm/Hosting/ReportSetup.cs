using System.ComponentModel.DataAnnotations;
using ChatCrm.Core.Reports;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

/// <summary>ChatCrm:Reports — what reports leave out, and the thresholds some metrics use.</summary>
public sealed class ReportOptions
{
    public const string Section = "ChatCrm:Reports";

    /// <summary>Leads from these sources never count ("test" by default).</summary>
    public string[] ExcludedSources { get; set; } = ["test"];

    /// <summary>Leads owned by these accounts (QA, internal testers) never count.</summary>
    public string[] InternalOwners { get; set; } = [];

    /// <summary>Leads whose phone starts with one of these E.164 prefixes (the company's own lines) never count.</summary>
    public string[] InternalPhonePrefixes { get; set; } = [];

    /// <summary>The address people's chat clients reach ChatCrm at, for chart images (Teams needs https); default the first of "urls".</summary>
    public string? PublicBaseUrl { get; set; }

    [Range(1, 24 * 30)]
    public int FirstContactSlaHours { get; set; } = 24;

    [Range(1, 365)]
    public int FollowUpWindowDays { get; set; } = 7;
}

public static class ReportSetup
{
    /// <summary>The metrics dictionary's use cases and their settings (checked at start).</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ReportOptions>>().Value;
            return new ReportSettings(
                new HashSet<string>(options.ExcludedSources, StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(options.InternalOwners, StringComparer.Ordinal),
                options.InternalPhonePrefixes,
                TimeSpan.FromHours(options.FirstContactSlaHours),
                TimeSpan.FromDays(options.FollowUpWindowDays));
        });
        builder.Services.AddSingleton<AnswerMetric>();
        builder.Services.AddSingleton<ListMetricRecords>();
        builder.Services.AddSingleton<ExcludeFromReports>();
        builder.Services.AddSingleton<ManageMetrics>();
        builder.Services.AddSingleton<ExportMetricRecords>();
        builder.Services.AddSingleton<ChatCrm.Reports.ReportExportLinks>();
        builder.Services.AddSingleton<ChatCrm.Channels.Rendering.Charts.IReportExportLinks>(services => services.GetRequiredService<ChatCrm.Reports.ReportExportLinks>());
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<ChatCrm.Reports.ChartLinks>();
        builder.Services.AddSingleton<ChatCrm.Channels.Rendering.Charts.IChartLinks>(services => services.GetRequiredService<ChatCrm.Reports.ChartLinks>());
        builder.Services.AddSingleton<ChatCrm.Reports.ChartImages>();
        builder.Services.AddSingleton<ChatCrm.Channels.Rendering.Charts.IChartImages>(services => services.GetRequiredService<ChatCrm.Reports.ChartImages>());
        builder.Services.AddHostedService<ChatCrm.Jobs.ChartWarmUp>();
        builder.Services.AddSingleton<Core.Reports.Tallies.RecountReports>();
        builder.Services.AddHostedService<ChatCrm.Jobs.ReportTallyStart>();
        return builder;
    }
}
