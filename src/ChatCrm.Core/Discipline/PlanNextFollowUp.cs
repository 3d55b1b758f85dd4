using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Discipline;

/// <summary>What planning did: the leads whose next follow-up moved (each with its audit entry), and when.</summary>
public sealed record NextFollowUpsPlanned(DateTimeOffset At, IReadOnlyList<LeadChange> Changed, int AlreadyPlanned);

/// <summary>
/// Sets when to follow up next on one or more of the salesperson's own leads, without logging a
/// contact: the buttons of the next-step prompt and of the stale-lead list. Owners only (a
/// manager plans through a follow-up of their own); each lead gets its audit entry, all in one unit.
/// </summary>
public sealed class PlanNextFollowUp(ICrmStore store, TimeProvider clock)
{
    /// <summary>A button carries at most the leads one notice lists.</summary>
    public const int MaxLeads = StaleLeadScan.ShownPerNotice;

    public Task<Result<NextFollowUpsPlanned>> HandleAsync(Actor actor, IReadOnlyList<string> leadNumbers, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (leadNumbers.Count == 0 || leadNumbers.Count > MaxLeads)
        {
            return Task.FromResult<Result<NextFollowUpsPlanned>>(new InvalidValue("leads", leadNumbers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (at < now.AddDays(-1))
        {
            return Task.FromResult<Result<NextFollowUpsPlanned>>(new InvalidValue("next_at", at.ToString("yyyy-MM-dd")));
        }

        return store.WriteAsync<Result<NextFollowUpsPlanned>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            // The message is recorded once above; each lead's change below must not record it again.
            var each = actor with { InboundKey = null };
            var changed = new List<LeadChange>();
            var unchanged = 0;
            CrmError? refused = null;
            foreach (var number in leadNumbers.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var result = LeadEdit.Apply(session, each, number, AuditActions.PlanFollowUp, IsOwner, now, (_, lead) => lead.PlanNextFollowUp(at, now));
                if (result.IsSuccess)
                {
                    changed.Add(result.Value!);
                }
                else if (result.Error is NoChange)
                {
                    unchanged++;
                }
                else
                {
                    refused ??= result.Error;
                }
            }

            return changed.Count == 0 && unchanged == 0 && refused is not null
                ? refused
                : Result<NextFollowUpsPlanned>.Success(new NextFollowUpsPlanned(at, changed, unchanged));
        }, cancellationToken);
    }

    private static bool IsOwner(AccessRights rights, Lead lead) => lead.OwnerKey == rights.User.Key && rights.CanWork(lead);
}
