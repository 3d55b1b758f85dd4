using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.RecycleBin;

/// <summary>How long a deleted lead stays restorable before the purge job removes it.</summary>
public static class LeadBin
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>Lead numbers as parameters carry them: comma-joined.</summary>
    public static string Join(IEnumerable<string> numbers) => string.Join(',', numbers);

    public static IReadOnlyList<string> Split(string joined) =>
        joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Restores one binned lead, audited as the actor's act.</summary>
    internal static bool Restore(ICrmSession session, Actor actor, string number, DateTimeOffset now)
    {
        if (session.RecycleBin.Find(number) is not { } binned)
        {
            return false;
        }

        session.RecycleBin.Restore(number);
        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.RestoreLead, now, number, null, binned.Lead, binned.Entry.RequestNumber));
        return true;
    }
}
