namespace ChatCrm.Channels.Rendering.Charts;

/// <summary>
/// A chart's PNG by its address, for channels that must upload the picture rather than link it
/// (WeCom's image message takes a media id). Null when the address is not a live chart of ours.
/// </summary>
public interface IChartImages
{
    Task<byte[]?> PngAsync(string chartUrl, CancellationToken cancellationToken);
}
