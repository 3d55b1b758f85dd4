using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>A member signed in to the sidebar: their WeCom userid, until when.</summary>
public sealed record SidebarSession(string UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Who is signed in to the sidebar, kept in an HttpOnly cookie protected (encrypted and signed) with
/// ASP.NET Core Data Protection, and the OAuth anti-forgery state, kept the same way until WeCom
/// sends the member back. Expiry is written inside the protected value and read on
/// <see cref="TimeProvider"/>, so nobody can stretch a cookie and tests can move the clock.
/// </summary>
public sealed class SidebarSessions(IDataProtectionProvider protection, TimeProvider clock, IOptions<SidebarOptions> options)
{
    public const string SessionCookie = "chatcrm_sidebar";
    public const string StateCookie = "chatcrm_sidebar_oauth";

    /// <summary>Time enough to pass WeCom's OAuth page, which normally answers at once.</summary>
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _sessions = protection.CreateProtector("ChatCrm.WeCom.Sidebar.Session.v1");
    private readonly IDataProtector _states = protection.CreateProtector("ChatCrm.WeCom.Sidebar.OAuthState.v1");

    public SidebarSession SignIn(HttpContext http, string userId)
    {
        var session = new SidebarSession(userId, clock.GetUtcNow() + options.Value.SessionLifetime);
        Write(http, SessionCookie, _sessions, userId, session.ExpiresAt);
        return session;
    }

    /// <summary>The signed-in member; null without a cookie, or with one that is forged, expired or from another key ring.</summary>
    public SidebarSession? Current(HttpContext http) =>
        Read(http, SessionCookie, _sessions) is { } ticket ? new SidebarSession(ticket.Value, DateTimeOffset.FromUnixTimeSeconds(ticket.ExpiresAt)) : null;

    /// <summary>A new OAuth state for the authorize URL, remembered in this browser until the member comes back.</summary>
    public string BeginOAuth(HttpContext http)
    {
        // WeCom allows a-zA-Z0-9 in state, at most 128 bytes.
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Write(http, StateCookie, _states, state, clock.GetUtcNow() + StateLifetime);
        return state;
    }

    /// <summary>
    /// Whether <paramref name="state"/> is the one this browser was sent to WeCom with, not yet
    /// expired; either way it is forgotten, so a return address works once.
    /// </summary>
    public bool EndOAuth(HttpContext http, string? state)
    {
        var remembered = Read(http, StateCookie, _states);
        http.Response.Cookies.Delete(StateCookie, CookieOptions(http, TimeSpan.Zero));
        return remembered is not null && state is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(remembered.Value), Encoding.UTF8.GetBytes(state));
    }

    private void Write(HttpContext http, string name, IDataProtector protector, string value, DateTimeOffset expiresAt)
    {
        var ticket = JsonSerializer.Serialize(new Ticket(value, expiresAt.ToUnixTimeSeconds()));
        http.Response.Cookies.Append(name, protector.Protect(ticket), CookieOptions(http, expiresAt - clock.GetUtcNow()));
    }

    private Ticket? Read(HttpContext http, string name, IDataProtector protector)
    {
        if (!http.Request.Cookies.TryGetValue(name, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        Ticket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<Ticket>(protector.Unprotect(cookie));
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or JsonException or FormatException)
        {
            return null;
        }

        return ticket is { Value.Length: > 0 } && ticket.ExpiresAt > clock.GetUtcNow().ToUnixTimeSeconds() ? ticket : null;
    }

    private CookieOptions CookieOptions(HttpContext http, TimeSpan maxAge)
    {
        var secure = http.Request.IsHttps || options.Value.PublicBaseUrl?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true;
        return new CookieOptions
        {
            HttpOnly = true,
            Path = "/",
            Secure = secure,
            // None lets the cookie ride along when a WeCom client shows the page inside a frame of its
            // own; browsers drop None without Secure, so plain HTTP (development) gets Lax.
            SameSite = secure ? SameSiteMode.None : SameSiteMode.Lax,
            MaxAge = maxAge > TimeSpan.Zero ? maxAge : TimeSpan.Zero,
            IsEssential = true,
        };
    }

    private sealed record Ticket(string Value, long ExpiresAt);
}
