using ChatCrm.Core.Digest;

namespace ChatCrm.Core.Tests.Digest;

/// <summary>Report links without signing: the host's signed links are tested through the server.</summary>
internal sealed class FixedDigestLinks : IDigestLinks
{
    public string For(string teamKey, DateOnly date, DateTimeOffset expiresAt) => $"https://crm.test/reports/digest/{teamKey}/{date:yyyy-MM-dd}";
}
