using System.Security.Cryptography;
using System.Text.Json;
using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core.Reports;
using ChatCrm.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace ChatCrm.Reports;

/// <summary>
/// Links to a number's records as an Excel file: <c>/reports/records.xlsx?token=</c>, the token the
/// asker, the request and an expiry (10 minutes) protected with Data Protection. The download checks
/// the export permission again and is audited each time.
/// </summary>
public sealed class ReportExportLinks(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration) : IReportExportLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Reports.Records.v1");

    public string For(string userKey, MetricRequest request, string language)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = new ChartTicket(userKey, request.Metric, request.Period, request.Team, language, (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        var token = _protector.Protect(JsonSerializer.Serialize(ticket));
        return $"{PublicAddress.Of(configuration, configuration["ChatCrm:Reports:PublicBaseUrl"])}/reports/records.xlsx?token={Uri.EscapeDataString(token)}";
    }

    public ChartTicket? Open(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<ChartTicket>(_protector.Unprotect(token));
            return ticket is not null && ticket.ExpiresAt > clock.GetUtcNow().ToUnixTimeSeconds() ? ticket : null;
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
