using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Contacts;

/// <summary>What a contact event did to the CRM.</summary>
/// <param name="Created">True when a lead was created for the customer.</param>
public sealed record ContactTaken(string LeadNumber, bool Created);

/// <summary>
/// Keeps the CRM in step with the customers salespeople add on a chat platform: a new customer
/// becomes a lead owned by the salesperson who added them (or, when a colleague already has them,
/// is linked to that lead), the salesperson's chat with the customer is linked to it, and the
/// salesperson is told; a customer who deletes the salesperson (or is deleted) is noted on the
/// contact and the salesperson told. Every change is audited, and nothing is done twice for the
/// same event (the platform's retries carry the same key).
/// </summary>
public sealed class TakeExternalContact(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public const string LeadSource = "wecom";

    /// <summary>The salesperson with this platform identity added the customer.</summary>
    /// <param name="conversationKey">The salesperson's chat with the customer, as the channel keys it: it is linked to the lead.</param>
    /// <param name="eventKey">The platform's identity of the event, recorded so a retry changes nothing.</param>
    public Task<Result<ContactTaken>> AddedAsync(
        string channel, string salespersonId, string externalUserId, string? name, string? company, string conversationKey, string eventKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        return store.WriteAsync<Result<ContactTaken>>(session =>
        {
            if (Begin(session, channel, salespersonId, conversationKey, eventKey) is not { } actor)
            {
                return new UserNotFound(salespersonId);
            }

            // An offboarded salesperson's WeCom account may live on for a while: it makes no leads.
            if (!actor.User.IsActive)
            {
                return new NotPermitted(AuditActions.ContactAdded, null);
            }

            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var known = session.Contacts.Find(channel, externalUserId);
            var lead = known is null ? null : session.Leads.Find(known.LeadNumber);
            var created = lead is null;
            if (lead is null)
            {
                var number = LeadNumber.Format(today, session.NextInSequence(LeadNumber.SequenceFor(today)));
                var leadName = string.IsNullOrWhiteSpace(name) ? known?.Name ?? DefaultName(externalUserId) : name.Trim();
                lead = Lead.Create(number, leadName, null, company ?? known?.Company, null, LeadStage.New, LeadOwnership.TakesWhatTheyCreate(session, actor.User) ? actor.User : null, actor.User.TeamKey, LeadSource, actor.Key, now);
                session.Leads.Insert(lead);
                session.Audit.Append(AuditTrail.Entry(actor, AuditActions.CreateLead, now, number, null, lead.ToSnapshot()));
            }

            var followers = (known?.Followers ?? []).Where(follower => follower.UserKey != actor.Key).Append(new ContactFollower(actor.Key, now)).ToList();
            var contact = new ExternalContact(channel, externalUserId, string.IsNullOrWhiteSpace(name) ? known?.Name ?? lead.Name : name.Trim(), company ?? known?.Company, lead.Number, followers, now);
            session.Contacts.Save(contact);
            session.Conversations.SaveLink(new ConversationLink(conversationKey, lead.Number, actor.Key, now));
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.ContactAdded, now, lead.Number, null, null, channel));
            Notices.ContactWasAdded(session, actor.Key, contact, lead, created, now);
            return Result<ContactTaken>.Success(new ContactTaken(lead.Number, created));
        }, cancellationToken);
    }

    /// <summary>The tie between the salesperson and the customer ended; the lead stays.</summary>
    public Task<Result<ContactTaken>> RemovedAsync(
        string channel, string salespersonId, string externalUserId, ContactRemoval removal, string conversationKey, string eventKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ContactTaken>>(session =>
        {
            if (Begin(session, channel, salespersonId, conversationKey, eventKey) is not { } actor)
            {
                return new UserNotFound(salespersonId);
            }

            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (session.Contacts.Find(channel, externalUserId) is not { } contact)
            {
                // A customer added before ChatCrm was connected: nothing to note.
                return new NoLeadInContext();
            }

            var followers = contact.Followers
                .Select(follower => follower.UserKey == actor.Key ? follower with { RemovedAt = now, RemovedBy = removal } : follower)
                .ToList();
            if (followers.All(follower => follower.UserKey != actor.Key))
            {
                followers.Add(new ContactFollower(actor.Key, now, now, removal));
            }

            session.Contacts.Save(contact with { Followers = followers, UpdatedAt = now });
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.ContactRemoved, now, contact.LeadNumber, null, null, $"{channel} {removal}"));
            Notices.ContactWasRemoved(session, actor.Key, contact, removal, now);
            return Result<ContactTaken>.Success(new ContactTaken(contact.LeadNumber, Created: false));
        }, cancellationToken);
    }

    /// <summary>The customer's name or company changed on the platform: the contact follows; the lead is the salesperson's to edit.</summary>
    public Task<bool> EditedAsync(string channel, string externalUserId, string? name, string? company, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            if (session.Contacts.Find(channel, externalUserId) is not { } contact || string.IsNullOrWhiteSpace(name))
            {
                return false;
            }

            session.Contacts.Save(contact with { Name = name.Trim(), Company = company ?? contact.Company, UpdatedAt = now });
            return true;
        }, cancellationToken);
    }

    private static Actor? Begin(ICrmSession session, string channel, string salespersonId, string conversationKey, string eventKey) =>
        session.People.FindUserByIdentity(channel, salespersonId) is { } user ? new Actor(user, channel, conversationKey, eventKey) : null;

    // WeChat customers often come with no usable name; the id's tail tells them apart until renamed.
    private static string DefaultName(string externalUserId) =>
        "微信客户 " + (externalUserId.Length > 6 ? externalUserId[^6..] : externalUserId);
}
