using ChatCrm.Core.Reports;

namespace ChatCrm.Channels.Rendering.Charts;

/// <summary>
/// Where a report's chart is served: an unguessable, expiring address that only draws the chart the
/// asker was answered with, for the asker's scope. The host implements it (Data Protection, the
/// public base URL).
/// </summary>
public interface IChartLinks
{
    /// <param name="png">The chart as drawn for the answer; served as long as this process keeps it, then drawn again from the ticket.</param>
    string For(string userKey, MetricRequest request, string language, byte[] png);
}
