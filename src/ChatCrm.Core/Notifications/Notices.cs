using ChatCrm.Core.Assignment;
using ChatCrm.Core.Contacts;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Notifications;

/// <summary>The notices the core sends, by kind; channels render each kind in the reader's language.</summary>
public static class Notices
{
    public const string LeadTransferred = "lead.transferred";
    public const string LeadReturned = "lead.returned";
    public const string ReminderDue = "reminder.due";
    public const string LeadOffered = "lead.offered";
    public const string ContactAdded = "contact.added";
    public const string ContactRemoved = "contact.removed";
    public const string IntegrationFailing = "integration.failing";
    public const string AssignmentEscalated = "assignment.escalated";
    public const string LeadTouched = "lead.touched";
    public const string StaleLeadsOwner = "stale.owner";
    public const string StaleLeadsManager = "stale.manager";
    public const string StaleLeadsReturned = "stale.returned";
    public const string NextStepMissing = "followup.next_step";
    public const string EvidenceDayList = "followup.evidence";
    public const string ManagerDigest = "manager.digest";
    public const string IntegrationDown = "integration.down";
    public const string IntegrationRecovered = "integration.recovered";
    public const string ApprovalAsked = "approval.asked";
    public const string ApprovalFinished = "approval.finished";
    public const string ExportReady = "export.ready";
    public const string PermissionHealth = "permission.health";
    public const string UserOffboarded = "user.offboarded";

    /// <summary>A touch's note is cut to this many characters in the notice; the whole note stays in the intake record.</summary>
    public const int LongestTouchNote = 200;

    public static void LeadTransferredTo(ICrmSession session, string recipientKey, Lead lead, string fromKey, DateTimeOffset now) =>
        Send(session, recipientKey, LeadTransferred, now, ("lead", lead.Number), ("name", lead.Name), ("from", fromKey));

    public static void LeadReturnedToPool(ICrmSession session, string recipientKey, Lead lead, string byKey, string? reason, DateTimeOffset now) =>
        Send(session, recipientKey, LeadReturned, now, ("lead", lead.Number), ("name", lead.Name), ("by", byKey), ("reason", reason ?? string.Empty));

    /// <param name="claimBy">When the offer passes to the next salesperson, for offers the assignment engine makes.</param>
    /// <returns>The notice's outbox id.</returns>
    public static Guid LeadOfferedTo(ICrmSession session, string recipientKey, Lead lead, string byKey, DateTimeOffset now, DateTimeOffset? claimBy = null) =>
        Send(session, recipientKey, LeadOffered, now,
            ("lead", lead.Number), ("name", lead.Name), ("company", lead.Company ?? string.Empty), ("by", byKey),
            ("claim_by", claimBy?.ToString("O") ?? string.Empty));

    /// <summary>
    /// Nobody took a lead: its team's manager (or an admin) is told why. The offers and candidates
    /// are written as "key=code" (offers) and "key=verdict:detail" (candidates) entries joined by
    /// ";", so each channel words them in the reader's language.
    /// </summary>
    public static void AssignmentWasEscalated(ICrmSession session, string recipientKey, Lead? lead, LeadAssignment assignment, DateTimeOffset now) =>
        Send(session, recipientKey, AssignmentEscalated, now,
            ("lead", assignment.LeadNumber), ("name", lead?.Name ?? string.Empty), ("reason", assignment.Escalation?.ToString() ?? string.Empty),
            ("rule", assignment.RuleKey), ("team", assignment.TeamKey ?? string.Empty),
            ("offers", string.Join(';', assignment.Offers.Select(offer => $"{offer.UserKey}={offer.Result}"))),
            ("candidates", string.Join(';', assignment.Candidates.Select(check => check.Detail is null ? $"{check.UserKey}={check.Verdict}" : $"{check.UserKey}={check.Verdict}:{check.Detail}"))),
            ("detail", assignment.Steps.LastOrDefault(step => step.Kind == AssignmentStepKind.Escalated)?.Detail ?? string.Empty));

    /// <param name="created">True when the lead was created for the customer, false when an existing lead was linked.</param>
    public static void ContactWasAdded(ICrmSession session, string recipientKey, ExternalContact contact, Lead lead, bool created, DateTimeOffset now) =>
        Send(session, recipientKey, ContactAdded, now,
            ("lead", lead.Number), ("name", contact.Name), ("company", contact.Company ?? string.Empty),
            ("owner", lead.OwnerKey ?? string.Empty), ("created", created ? "true" : "false"));

    public static void ContactWasRemoved(ICrmSession session, string recipientKey, ExternalContact contact, ContactRemoval removal, DateTimeOffset now) =>
        Send(session, recipientKey, ContactRemoved, now,
            ("lead", contact.LeadNumber), ("name", contact.Name), ("by", removal == ContactRemoval.ByCustomer ? "customer" : "salesperson"));

    public static void ReminderIsDue(ICrmSession session, Reminder reminder, DateTimeOffset now) =>
        Send(session, reminder.OwnerKey, ReminderDue, now,
            ("reminder", reminder.Id.ToString()), ("text", reminder.Text), ("lead", reminder.LeadNumber ?? string.Empty),
            ("due", reminder.DueAt.ToString("O")));

    /// <summary>A platform refuses us for a reason an admin must fix; <paramref name="code"/> and <paramref name="message"/> are the platform's own.</summary>
    public static void IntegrationIsFailing(ICrmSession session, string recipientKey, string channel, string code, string message, DateTimeOffset now) =>
        Send(session, recipientKey, IntegrationFailing, now, ("channel", channel), ("code", code), ("message", message));

    /// <summary>A known customer came in again through an intake source; <paramref name="matchedBy"/> is "phone", "email" or "name_company".</summary>
    public static void LeadWasTouched(ICrmSession session, string recipientKey, Lead lead, string sourceKey, string matchedBy, string? note, DateTimeOffset now) =>
        Send(session, recipientKey, LeadTouched, now,
            ("lead", lead.Number), ("name", lead.Name), ("company", lead.Company ?? string.Empty), ("source", sourceKey), ("by", matchedBy),
            ("note", note is null ? string.Empty : note.Length <= LongestTouchNote ? note : note[..LongestTouchNote] + "…"));

    /// <summary>
    /// Whether a notice of <paramref name="kind"/> goes out at once even in the recipient's quiet
    /// hours: a due reminder (the person asked for that moment) and a failing integration. Every
    /// other kind, known or not, waits for the quiet hours to end.
    /// </summary>
    public static bool IsUrgent(string kind) => kind is ReminderDue or IntegrationFailing;

    /// <summary>An owner's stale leads of the day, most stale first: <paramref name="shown"/> of <paramref name="total"/>.</summary>
    public static Guid StaleLeadsOfOwner(ICrmSession session, string ownerKey, IReadOnlyList<Discipline.NoticeLeadLine> shown, int total, DateTimeOffset now) =>
        Send(session, ownerKey, StaleLeadsOwner, now, ("count", total.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("leads", Discipline.NoticeLeadLine.Encode(shown)));

    /// <summary>Leads of the manager's team stale for longer than the team allows, told once per stale episode.</summary>
    public static Guid StaleLeadsOfTeam(ICrmSession session, string managerKey, string teamKey, IReadOnlyList<Discipline.NoticeLeadLine> shown, int total, DateTimeOffset now) =>
        Send(session, managerKey, StaleLeadsManager, now, ("team", teamKey), ("count", total.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("leads", Discipline.NoticeLeadLine.Encode(shown)));

    /// <param name="role">"owner" when the reader lost the leads, "manager" when their team's pool got them.</param>
    public static Guid StaleLeadsWereReturned(ICrmSession session, string recipientKey, string role, IReadOnlyList<Discipline.NoticeLeadLine> shown, int total, DateTimeOffset now) =>
        Send(session, recipientKey, StaleLeadsReturned, now, ("role", role), ("count", total.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("leads", Discipline.NoticeLeadLine.Encode(shown)));

    /// <summary>Follow-ups the salesperson logged without saying when to follow up next.</summary>
    public static Guid NextStepIsMissing(ICrmSession session, string salespersonKey, IReadOnlyList<Discipline.NoticeLeadLine> leads, DateTimeOffset now) =>
        Send(session, salespersonKey, NextStepMissing, now, ("count", leads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("leads", Discipline.NoticeLeadLine.Encode(leads)));

    /// <summary>The day's calls and visits logged with too short a note, for the team's manager.</summary>
    public static Guid EvidenceIsMissing(ICrmSession session, string managerKey, string teamKey, IReadOnlyList<Discipline.NoticeLeadLine> shown, int total, DateTimeOffset now) =>
        Send(session, managerKey, EvidenceDayList, now, ("team", teamKey), ("count", total.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("leads", Discipline.NoticeLeadLine.Encode(shown)));

    /// <summary>A colleague was offboarded: how many of their open leads went to the reader (their manager) or to the pool.</summary>
    public static Guid UserWasOffboarded(ICrmSession session, string recipientKey, Offboarding.Offboarded offboarded, DateTimeOffset now) =>
        Send(session, recipientKey, UserOffboarded, now,
            ("user", offboarded.UserKey), ("name", offboarded.DisplayName), ("to", offboarded.Destination.ToString().ToLowerInvariant()),
            ("manager", offboarded.ManagerKey ?? string.Empty), ("leads", (offboarded.LeadsToManager + offboarded.LeadsToPool).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("offers", offboarded.OffersWithdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Guid Send(ICrmSession session, string recipientKey, string kind, DateTimeOffset now, params (string Key, string Value)[] args)
    {
        var notice = new Notice(kind, args.ToDictionary(arg => arg.Key, arg => arg.Value));
        var message = OutboxMessage.New(Guid.CreateVersion7(now), recipientKey, notice, now);
        session.Outbox.Enqueue(message);
        return message.Id;
    }
}
