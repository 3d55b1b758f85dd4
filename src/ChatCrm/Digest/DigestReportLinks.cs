using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ChatCrm.Core.Digest;
using ChatCrm.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Digest;

/// <summary>
/// Links to a digest's full report: the team, date and expiry protected (encrypted and signed)
/// with ASP.NET Core Data Protection in the query's token. The expiry is read on
/// <see cref="TimeProvider"/>, so nobody can stretch a link and tests can move the clock.
/// </summary>
public sealed class DigestReportLinks(IDataProtectionProvider protection, TimeProvider clock, IOptions<DigestOptions> options, IConfiguration configuration) : IDigestLinks
{
    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Reports.Digest.v1");

    public string For(string teamKey, DateOnly date, DateTimeOffset expiresAt)
    {
        var token = _protector.Protect(JsonSerializer.Serialize(new Ticket(teamKey, Day(date), expiresAt.ToUnixTimeSeconds())));
        return $"{BaseUrl()}/reports/digest/{Uri.EscapeDataString(teamKey)}/{Day(date)}?token={Uri.EscapeDataString(token)}";
    }

    /// <summary>Whether <paramref name="token"/> was made here for this team and date and has not expired.</summary>
    public bool Opens(string? token, string teamKey, string date)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        Ticket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(token));
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or JsonException or FormatException)
        {
            return false;
        }

        return ticket is not null && ticket.Team == teamKey && ticket.Date == date && ticket.ExpiresAt > clock.GetUtcNow().ToUnixTimeSeconds();
    }

    private string BaseUrl() => PublicAddress.Of(configuration, options.Value.ReportBaseUrl);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Ticket(string Team, string Date, long ExpiresAt);
}
