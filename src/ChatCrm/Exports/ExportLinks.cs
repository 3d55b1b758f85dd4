using ChatCrm.Core.Exports;
using ChatCrm.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Exports;

/// <summary>
/// The one-time link of a prepared export: its id in the path and its token in the query. The token
/// is the whole authority and is kept only hashed in the store; the address is the one digest
/// report links use (ChatCrm:Scheduler:Digest:ReportBaseUrl, else the first URL the app listens on).
/// </summary>
public sealed class ExportLinks(IOptions<DigestOptions> options, IConfiguration configuration) : IExportLinks
{
    public string For(Guid exportId, string token) => $"{BaseUrl()}/exports/{exportId:N}?token={Uri.EscapeDataString(token)}";

    private string BaseUrl()
    {
        if (options.Value.ReportBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        // "urls" may bind every interface (http://+:5080); a person's browser needs a host name.
        var first = (configuration["urls"] ?? ChatCrmHost.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ChatCrmHost.DefaultUrl;
        return first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
