using ChatCrm.Core.Conversations;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>The at most five fields a salesperson gives in chat for a new lead.</summary>
public sealed record NewLead(string? Name, string? Phone, string? Company, string? Industry, LeadStage? Stage);

/// <summary>
/// Creates a lead owned by its creator, numbered L-{local date}-{sequence}. A phone that another
/// lead already has is refused, naming that lead.
/// </summary>
public sealed class CreateLead(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, NewLead input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Task.FromResult<Result<LeadChange>>(new MissingValue("name"));
        }

        Phone? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = Personal.Phone.TryParse(input.Phone);
            if (phone is null)
            {
                return Task.FromResult<Result<LeadChange>>(new InvalidValue("phone", input.Phone));
            }
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        return store.WriteAsync<Result<LeadChange>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (phone is not null && session.Leads.FindByPhone(phone) is { } existing)
            {
                return new DuplicatePhone(existing.ToSummary());
            }

            var number = LeadNumber.Format(today, session.NextInSequence(LeadNumber.SequenceFor(today)));
            var owner = LeadOwnership.TakesWhatTheyCreate(session, actor.User) ? actor.User : null;
            var lead = Lead.Create(number, input.Name, phone, input.Company, input.Industry, input.Stage ?? LeadStage.New, owner, actor.User.TeamKey, "chat", actor.Key, now);
            session.Leads.Insert(lead);
            var entry = AuditTrail.Entry(actor, AuditActions.CreateLead, now, number, null, lead.ToSnapshot());
            session.Audit.Append(entry);
            return Result<LeadChange>.Success(new LeadChange(entry.Id, null, lead.ToSnapshot()));
        }, cancellationToken);
    }
}
