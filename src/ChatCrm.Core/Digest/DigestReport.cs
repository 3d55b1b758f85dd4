using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Digest;

/// <summary>A sent digest with the leads and follow-ups behind its numbers, as they are now (a lead deleted since is left out).</summary>
/// <param name="Language">The language of the digest's (first) recipient, which the page is written in.</param>
/// <param name="History">Each listed lead's latest audit entries, newest first, so a number drills down to who did what.</param>
public sealed record DigestReport(
    ManagerDigest Digest,
    string Language,
    IReadOnlyList<Lead> NewYesterday,
    IReadOnlyList<Lead> NewDayBefore,
    IReadOnlyList<DigestFollowUp> FollowUpsYesterday,
    IReadOnlyList<Lead> Stale,
    IReadOnlyDictionary<string, IReadOnlyList<Audit.AuditEntry>>? History = null);

/// <summary>A follow-up on the report, with its lead's name and its author's.</summary>
public sealed record DigestFollowUp(FollowUp FollowUp, string LeadName, string AuthorName);
