using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>The offboarding and partner-key admin commands mean what they say.</summary>
public sealed class OffboardingCommandTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly EmbeddedInterpreter _interpreter = new();

    public static TheoryData<string, Intent> Commands() => new()
    {
        { "/admin deactivate alice", new DeactivateUserIntent("alice", null) },
        { "/admin deactivate Alice pool", new DeactivateUserIntent("Alice", "pool") },
        { "/admin user deactivate alice manager", new DeactivateUserIntent("alice", "manager") },
        { "/admin deactivate", new DeactivateUserIntent(null, null) },
        { "/admin reactivate alice", new ReactivateUserIntent("alice") },
        { "/admin user reactivate alice", new ReactivateUserIntent("alice") },
        { "/admin partner key add acme lead.status.read followup.write", new AddPartnerKeyIntent("acme", ["lead.status.read", "followup.write"]) },
        { "/admin partner key add acme", new AddPartnerKeyIntent("acme", []) },
        { "/admin partner key list", new ListPartnerKeysIntent() },
        { "/admin partner keys", new ListPartnerKeysIntent() },
        { "/admin partner key revoke pk_0123456789abcdef", new RevokePartnerKeyIntent("pk_0123456789abcdef") },
        { "/admin partner frobnicate", new UnknownIntent() },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_command_is_its_intent(string said, Intent meant) =>
        Assert.Equal(meant, _interpreter.Interpret(new Utterance(said, Now)).Intent);
}
