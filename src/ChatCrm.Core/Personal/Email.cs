using System.Net.Mail;

namespace ChatCrm.Core.Personal;

/// <summary>
/// An email address, trimmed and lower-cased so the same mailbox always compares equal.
/// Personal data: never log <see cref="Address"/>, log <see cref="Masked"/>.
/// </summary>
public sealed record Email
{
    private Email(string address) => Address = address;

    public string Address { get; }

    /// <summary>The address with most of its local part hidden, safe for logs: j***@acme.com.</summary>
    public string Masked
    {
        get
        {
            var at = Address.IndexOf('@', StringComparison.Ordinal);
            return at <= 1 ? "***" + Address[Math.Max(at, 0)..] : Address[0] + "***" + Address[at..];
        }
    }

    /// <summary>Parses what a form or a person gave; null when it is not one plain address.</summary>
    public static Email? TryParse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || trimmed.Any(char.IsWhiteSpace))
        {
            return null;
        }

        // MailAddress also takes "Name <a@b>" and lists; only a bare address of one mailbox is an email here.
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && parsed.Host.Contains('.', StringComparison.Ordinal)
            ? new Email(trimmed.ToLowerInvariant())
            : null;
    }

    /// <summary>An address as stored (already normalised).</summary>
    public static Email FromStored(string address) => new(address);
}
