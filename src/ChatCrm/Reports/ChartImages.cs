using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core.Access;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Store;

namespace ChatCrm.Reports;

/// <summary>
/// A chart's PNG from its token: the one drawn with the answer while this process keeps it, else
/// drawn again for the ticket's person, request and scope. The chart endpoint and the WeCom sender
/// (which uploads the picture) both read charts here.
/// </summary>
public sealed class ChartImages(ChartLinks links, ICrmStore store, AnswerMetric answers) : IChartImages
{
    public async Task<byte[]?> PngAsync(string chartUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chartUrl);
        var path = Uri.TryCreate(chartUrl, UriKind.Absolute, out var url) ? url.AbsolutePath : chartUrl;
        const string Prefix = "/charts/";
        return path.StartsWith(Prefix, StringComparison.Ordinal) && path.EndsWith(".png", StringComparison.Ordinal)
            ? await ByTokenAsync(Uri.UnescapeDataString(path[Prefix.Length..^".png".Length]), cancellationToken)
            : null;
    }

    public async Task<byte[]?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Open(token) is not { } ticket)
        {
            return null;
        }

        if (links.Drawn(token) is { } png)
        {
            return png;
        }

        var user = await store.ReadAsync(session => session.People.FindUser(ticket.User), cancellationToken);
        if (user is null || !user.IsActive)
        {
            return null;
        }

        var answered = await answers.HandleAsync(new Actor(user, "chart", null), new MetricRequest(ticket.Metric, ticket.Period, ticket.Team), cancellationToken);
        return answered.IsSuccess ? MetricChart.Render(answered.Value!, ticket.Language) : null;
    }
}
