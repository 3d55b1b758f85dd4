using System.Security.Cryptography;
using System.Text.Json;
using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Core.Reports;
using ChatCrm.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace ChatCrm.Reports;

/// <summary>
/// Chart addresses: <c>/charts/{token}.png</c>, the token the asker, the request and an expiry
/// protected (encrypted and signed) with Data Protection, so it can be neither guessed nor altered
/// nor stretched. The PNG drawn for the answer is kept in this process's memory (a cache: a day at
/// most, 64 MB in all); another instance, or this one after a restart, draws it again from the
/// ticket for the same person and scope.
/// </summary>
public sealed class ChartLinks(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration) : IChartLinks, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly IDataProtector _protector = protection.CreateProtector("ChatCrm.Reports.Chart.v1");
    private readonly MemoryCache _drawn = new(new MemoryCacheOptions { SizeLimit = 64 * 1024 * 1024 });

    public string For(string userKey, MetricRequest request, string language, byte[] png)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(png);
        var ticket = new ChartTicket(userKey, request.Metric, request.Period, request.Team, language, (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        var token = _protector.Protect(JsonSerializer.Serialize(ticket));
        _drawn.Set(IdOf(token), png, new MemoryCacheEntryOptions { Size = png.Length, AbsoluteExpirationRelativeToNow = Lifetime });
        return $"{BaseUrl()}/charts/{token}.png";
    }

    /// <summary>The ticket in <paramref name="token"/> when it was made here and has not expired.</summary>
    public ChartTicket? Open(string token)
    {
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

    /// <summary>The PNG drawn with the answer, while this process keeps it.</summary>
    public byte[]? Drawn(string token) => _drawn.TryGetValue(IdOf(token), out byte[]? png) ? png : null;

    public void Dispose() => _drawn.Dispose();

    private static string IdOf(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private string BaseUrl() => PublicAddress.Of(configuration, configuration["ChatCrm:Reports:PublicBaseUrl"]);
}

/// <summary>What a chart address stands for: whose answer, to what request, in which language, until when (Unix seconds).</summary>
public sealed record ChartTicket(string User, string? Metric, string? Period, string? Team, string Language, long ExpiresAt);
