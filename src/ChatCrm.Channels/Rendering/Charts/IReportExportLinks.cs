using ChatCrm.Core.Reports;

namespace ChatCrm.Channels.Rendering.Charts;

/// <summary>Where the Excel list of a number's records is downloaded: a short-lived link for the asker only.</summary>
public interface IReportExportLinks
{
    string For(string userKey, MetricRequest request, string language);
}
