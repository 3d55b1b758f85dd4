using ChatCrm.Core.Conversations;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.FollowUps;

/// <summary>A follow-up as told in one sentence.</summary>
/// <param name="NextAt">When to follow up next; null when not said.</param>
public sealed record FollowUpReport(string? LeadMention, ContactChannel? Channel, Interest? Interest, DateTimeOffset? NextAt, string Summary);

/// <summary>What logging a follow-up did: the follow-up and the lead before and after.</summary>
public sealed record FollowUpLogged(Guid AuditId, FollowUp FollowUp, LeadSnapshot Before, LeadSnapshot After);

/// <summary>Records a contact with a customer and when to follow up next.</summary>
public sealed class LogFollowUp(ICrmStore store, TimeProvider clock)
{
    public Task<Result<FollowUpLogged>> HandleAsync(Actor actor, FollowUpReport report, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (report.NextAt is { } next && next < now.AddDays(-1))
        {
            return Task.FromResult<Result<FollowUpLogged>>(new InvalidValue("next_at", next.ToString("yyyy-MM-dd")));
        }

        return store.WriteAsync<Result<FollowUpLogged>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var resolved = LeadResolver.Resolve(session, actor, report.LeadMention);
            if (resolved.Value is not { } lead)
            {
                return resolved.Error!;
            }

            if (!LeadAccess.Of(session, actor.User).CanWork(lead))
            {
                return lead.OwnerKey is null ? new NotOwned(lead.Number) : new NotPermitted(AuditActions.LogFollowUp, lead.Number);
            }

            var before = lead.ToSnapshot();
            var followUp = new FollowUp(
                Guid.CreateVersion7(now), lead.Number, actor.Key, report.Channel, report.Interest,
                report.Summary.Trim(), now, report.NextAt, actor.ConversationKey);
            session.FollowUps.Insert(followUp);
            lead.RecordFollowUp(now, report.NextAt, now);
            session.Leads.Update(lead);
            var after = lead.ToSnapshot();
            var entry = AuditTrail.Entry(actor, AuditActions.LogFollowUp, now, lead.Number, before, after, followUp.Id.ToString());
            session.Audit.Append(entry);
            return Result<FollowUpLogged>.Success(new FollowUpLogged(entry.Id, followUp, before, after));
        }, cancellationToken);
    }
}
