namespace ChatCrm.Channels.Tests.Teams.Auth;

/// <summary>What a test token says; tests change one field of <see cref="ValidAt"/> at a time.</summary>
public sealed record TestToken(string Issuer, string Audience, DateTimeOffset NotBefore, DateTimeOffset Expires, string? ServiceUrl)
{
    public const string AppId = "2c3f8f4e-5a9b-4b8e-9d51-0f6a1c2b3d4e";
    public const string ServiceUrl1 = "https://smba.trafficmanager.net/emea/";

    /// <summary>A token the Bot Connector would send for a Teams activity, valid for an hour from <paramref name="now"/>.</summary>
    public static TestToken ValidAt(DateTimeOffset now) =>
        new("https://api.botframework.com", AppId, now.AddMinutes(-1), now.AddMinutes(59), ServiceUrl1);
}
