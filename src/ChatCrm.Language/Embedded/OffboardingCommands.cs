namespace ChatCrm.Language.Embedded;

/// <summary>The admin commands of offboarding and partner keys, from the words after /admin.</summary>
internal static class OffboardingCommands
{
    /// <summary>"partner key add bob lead.status.read", "partner key list", "partner key revoke pk_…", "partner keys".</summary>
    public static Intent PartnerKey(IReadOnlyList<string> words)
    {
        string? Word(int index) => index < words.Count ? words[index] : null;
        return (Word(1)?.ToLowerInvariant(), Word(2)?.ToLowerInvariant()) switch
        {
            ("key" or "keys", null or "list") => new ListPartnerKeysIntent(),
            ("key" or "keys", "add") => new AddPartnerKeyIntent(Word(3), [.. words.Skip(4)]),
            ("key" or "keys", "revoke") => new RevokePartnerKeyIntent(Word(3)),
            _ => new UnknownIntent(),
        };
    }
}
