namespace ChatCrm.Core.Personal;

/// <summary>
/// The one place personal values (phones, emails, chat ids) are turned into what is stored and
/// into the key they are looked up by. The first slice keeps them plain; encryption at rest with
/// blind indexes replaces this port's implementation and nothing else.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>What the store keeps for a personal value.</summary>
    string Protect(string plain);

    /// <summary>The value back from what the store keeps.</summary>
    string Reveal(string stored);

    /// <summary>The deterministic key the store indexes, for dedupe and exact lookup.</summary>
    string LookupKey(string plain);
}

/// <summary>Keeps personal values as they are. The default until encryption at rest lands.</summary>
public sealed class PlainPersonalData : IPersonalDataProtector
{
    public string Protect(string plain) => plain;

    public string Reveal(string stored) => stored;

    public string LookupKey(string plain) => plain;
}
