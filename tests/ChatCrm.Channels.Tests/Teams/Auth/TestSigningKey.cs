using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Channels.Tests.Teams.Auth;

/// <summary>An RSA key made inside the test, published as a JWK and used to sign test tokens.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string keyId, params string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
    }

    public string KeyId { get; }

    /// <summary>Channels the key is endorsed for; null publishes no <c>endorsements</c> member.</summary>
    public string[]? Endorsements { get; }

    /// <summary>The JWKS entry, shaped like login.botframework.com's.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }

    public string Sign(TestToken token)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            NotBefore = token.NotBefore.UtcDateTime,
            IssuedAt = token.NotBefore.UtcDateTime,
            Expires = token.Expires.UtcDateTime,
            Claims = token.ServiceUrl is null
                ? new Dictionary<string, object>()
                : new Dictionary<string, object> { ["serviceurl"] = token.ServiceUrl },
        };
        return Sign(descriptor);
    }

    /// <summary>Signs whatever the descriptor says, with this key.</summary>
    public string Sign(SecurityTokenDescriptor descriptor)
    {
        descriptor.SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        // Token times come from the test's fake clock, not the machine's.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose() => _rsa.Dispose();
}
