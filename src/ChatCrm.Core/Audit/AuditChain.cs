using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Core.Audit;

/// <summary>
/// How audit entries are chained: each entry's hash is SHA-256 over the previous entry's hash, its
/// own sequence number and a canonical form of everything it records, so changing or removing one
/// breaks the chain from there on. <see cref="AuditEntry.UndoneBy"/> is left out: it is the one
/// annotation made after an entry is appended, and the undo it points to is itself in the chain.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    // Absent values are left out, so a nullable field added later (here or in a lead snapshot) leaves
    // the hashes of entries written before it unchanged.
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static AuditSeal Seal(AuditEntry entry, long sequence, string previousHash) =>
        new(sequence, previousHash, Hash(entry, sequence, previousHash));

    public static string Hash(AuditEntry entry, long sequence, string previousHash)
    {
        var content = JsonSerializer.Serialize(new CanonicalEntry(
            sequence, entry.Id, entry.At.UtcTicks, (int)entry.At.Offset.TotalMinutes, entry.ActorKey, entry.Channel, entry.ConversationKey,
            entry.Action, entry.LeadNumber, entry.Before, entry.After, entry.Detail, entry.Subject, entry.BeforeText, entry.AfterText,
            entry.Result, entry.Ip, entry.Device), Canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + content)));
    }

    /// <summary>The fields in a fixed order; a new field goes at the end and is nullable, so older entries' hashes hold.</summary>
    private sealed record CanonicalEntry(
        long Sequence,
        Guid Id,
        long AtUtcTicks,
        int AtOffsetMinutes,
        string ActorKey,
        string Channel,
        string? ConversationKey,
        string Action,
        string? LeadNumber,
        Leads.LeadSnapshot? Before,
        Leads.LeadSnapshot? After,
        string? Detail,
        string? Subject,
        string? BeforeText,
        string? AfterText,
        string Result,
        string? Ip,
        string? Device);
}
