using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Conversations;

/// <summary>What linking did: the lead now linked, and the one linked before, if any.</summary>
public sealed record ChatLinked(Guid AuditId, LeadSnapshot Lead, string? PreviousLeadNumber);

/// <summary>Ties this conversation to a lead, so later messages in it refer to that lead.</summary>
public sealed class LinkChat(ICrmStore store, TimeProvider clock)
{
    public Task<Result<ChatLinked>> HandleAsync(Actor actor, string? mention, CancellationToken cancellationToken)
    {
        if (actor.ConversationKey is not { } conversation)
        {
            return Task.FromResult<Result<ChatLinked>>(new InvalidValue("conversation", null));
        }

        if (string.IsNullOrWhiteSpace(mention))
        {
            return Task.FromResult<Result<ChatLinked>>(new MissingValue("lead"));
        }

        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ChatLinked>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var resolved = LeadResolver.Resolve(session, actor, mention);
            if (resolved.Value is not { } lead)
            {
                return resolved.Error!;
            }

            var previous = session.Conversations.FindLink(conversation);
            if (previous?.LeadNumber == lead.Number)
            {
                return new NoChange(lead.Number);
            }

            session.Conversations.SaveLink(new ConversationLink(conversation, lead.Number, actor.Key, now));
            var entry = AuditTrail.Entry(actor, AuditActions.LinkChat, now, lead.Number, null, null, previous?.LeadNumber);
            session.Audit.Append(entry);
            return Result<ChatLinked>.Success(new ChatLinked(entry.Id, lead.ToSnapshot(), previous?.LeadNumber));
        }, cancellationToken);
    }
}
