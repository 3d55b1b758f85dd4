using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Channels.Tests.Teams.Tab;

/// <summary>What a test Teams SSO token says; tests change one field of <see cref="ValidAt"/> at a time.</summary>
/// <param name="Scope">The <c>scp</c> claim; null leaves it out, as in an app-only token.</param>
/// <param name="TenantId">The <c>tid</c> claim; null leaves it out.</param>
/// <param name="ObjectId">The <c>oid</c> claim; null leaves it out.</param>
public sealed record TabTestToken(
    string Issuer, string Audience, DateTimeOffset NotBefore, DateTimeOffset Expires, string? TenantId, string? ObjectId, string? Scope)
{
    public const string AppId = "6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    public const string HostName = "crm.contoso.com";
    public const string ApplicationIdUri = "api://crm.contoso.com/6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    public const string TenantA = "11111111-2222-4333-8444-555555555555";
    public const string TenantB = "99999999-8888-4777-8666-555555555555";
    public const string AliceObjectId = "00000000-0000-0000-0000-0000000a11ce";

    /// <summary>The v2.0 access token Teams hands the tab for our app, valid for an hour from <paramref name="now"/>.</summary>
    public static TabTestToken ValidAt(DateTimeOffset now) => new(
        $"https://login.microsoftonline.com/{TenantA}/v2.0", AppId, now.AddMinutes(-1), now.AddMinutes(59), TenantA, AliceObjectId, "access_as_user");

    public SecurityTokenDescriptor ToDescriptor()
    {
        var claims = new Dictionary<string, object> { ["ver"] = "2.0" };
        AddIfSet(claims, "tid", TenantId);
        AddIfSet(claims, "oid", ObjectId);
        AddIfSet(claims, "scp", Scope);
        return new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = NotBefore.UtcDateTime,
            IssuedAt = NotBefore.UtcDateTime,
            Expires = Expires.UtcDateTime,
            Claims = claims,
        };
    }

    private static void AddIfSet(Dictionary<string, object> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }
}
