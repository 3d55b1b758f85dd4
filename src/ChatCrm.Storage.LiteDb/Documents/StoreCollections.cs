using ChatCrm.Storage.LiteDb.Assignment;
using ChatCrm.Storage.LiteDb.Audit;
using ChatCrm.Storage.LiteDb.Conversations;
using ChatCrm.Storage.LiteDb.FollowUps;
using ChatCrm.Storage.LiteDb.Inbox;
using ChatCrm.Storage.LiteDb.Intake;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Notifications;
using ChatCrm.Storage.LiteDb.Reminders;
using ChatCrm.Storage.LiteDb.Scheduling;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Documents;

/// <summary>One LiteDB collection per aggregate, and the indexes every port query needs.</summary>
internal sealed class StoreCollections
{
    public StoreCollections(LiteDatabase database)
    {
        Leads = database.GetCollection("leads");
        FollowUps = database.GetCollection("followups");
        Reminders = database.GetCollection("reminders");
        Users = database.GetCollection("users");
        Teams = database.GetCollection("teams");
        Links = database.GetCollection("links");
        Questions = database.GetCollection("questions");
        Inbound = database.GetCollection("inbound");
        PersonalChannels = database.GetCollection("personal_channels");
        Inbox = database.GetCollection("inbox");
        Contacts = database.GetCollection("external_contacts");
        AssignmentRequests = database.GetCollection("assignment_requests");
        LeadAssignments = database.GetCollection("lead_assignments");
        AssignmentRules = database.GetCollection("assignment_rules");
        AssignmentTurns = database.GetCollection("assignment_turns");
        IntakeSources = database.GetCollection("intake_sources");
        IntakeCounts = database.GetCollection("intake_counts");
        IntakeReceipts = database.GetCollection("intake_receipts");
        IntakeRecords = database.GetCollection("intake_records");
        Audit = database.GetCollection("audit");
        Outbox = database.GetCollection("outbox");
        Sequences = database.GetCollection("sequences");
        Preferences = database.GetCollection("user_preferences");
        StaleMarks = database.GetCollection("stale_marks");
        StaleMarkSets = database.GetCollection("stale_mark_sets");
        DisciplineState = database.GetCollection("discipline_state");
        EvidenceMarks = database.GetCollection("evidence_marks");
        ManagerDigests = database.GetCollection("manager_digests");
        IntegrationHealth = database.GetCollection("integration_health");
        JobRuns = database.GetCollection("job_runs");
        JobStates = database.GetCollection("job_states");
        Positions = database.GetCollection("positions");
        Approvals = database.GetCollection("approvals");
        DeletedLeads = database.GetCollection("deleted_leads");
        Exports = database.GetCollection("exports");
        PartnerKeys = database.GetCollection("partner_keys");
        MetricDefinitions = database.GetCollection("metric_definitions");
        ReportTallies = database.GetCollection("report_tallies");
    }

    public ILiteCollection<BsonDocument> Leads { get; }

    public ILiteCollection<BsonDocument> FollowUps { get; }

    public ILiteCollection<BsonDocument> Reminders { get; }

    public ILiteCollection<BsonDocument> Users { get; }

    public ILiteCollection<BsonDocument> Teams { get; }

    public ILiteCollection<BsonDocument> Links { get; }

    public ILiteCollection<BsonDocument> Questions { get; }

    public ILiteCollection<BsonDocument> Inbound { get; }

    public ILiteCollection<BsonDocument> PersonalChannels { get; }

    public ILiteCollection<BsonDocument> Inbox { get; }

    public ILiteCollection<BsonDocument> Contacts { get; }

    public ILiteCollection<BsonDocument> AssignmentRequests { get; }

    public ILiteCollection<BsonDocument> LeadAssignments { get; }

    public ILiteCollection<BsonDocument> AssignmentRules { get; }

    public ILiteCollection<BsonDocument> AssignmentTurns { get; }
    public ILiteCollection<BsonDocument> IntakeSources { get; }

    public ILiteCollection<BsonDocument> IntakeCounts { get; }

    public ILiteCollection<BsonDocument> IntakeReceipts { get; }

    public ILiteCollection<BsonDocument> IntakeRecords { get; }

    public ILiteCollection<BsonDocument> Audit { get; }

    public ILiteCollection<BsonDocument> Outbox { get; }

    public ILiteCollection<BsonDocument> Sequences { get; }

    public ILiteCollection<BsonDocument> Preferences { get; }

    /// <summary>Stale marks kept one per document before they were kept by team; read and dropped, never written.</summary>
    public ILiteCollection<BsonDocument> StaleMarks { get; }

    public ILiteCollection<BsonDocument> StaleMarkSets { get; }

    public ILiteCollection<BsonDocument> DisciplineState { get; }

    public ILiteCollection<BsonDocument> EvidenceMarks { get; }

    public ILiteCollection<BsonDocument> ManagerDigests { get; }

    public ILiteCollection<BsonDocument> IntegrationHealth { get; }

    public ILiteCollection<BsonDocument> JobRuns { get; }

    public ILiteCollection<BsonDocument> JobStates { get; }

    public ILiteCollection<BsonDocument> Positions { get; }

    public ILiteCollection<BsonDocument> Approvals { get; }

    public ILiteCollection<BsonDocument> DeletedLeads { get; }

    public ILiteCollection<BsonDocument> Exports { get; }

    public ILiteCollection<BsonDocument> PartnerKeys { get; }

    public ILiteCollection<BsonDocument> MetricDefinitions { get; }

    public ILiteCollection<BsonDocument> ReportTallies { get; }

    /// <summary>Creates missing indexes; cheap when they exist. Runs once at open, before any unit.</summary>
    public void EnsureIndexes()
    {
        foreach (var field in LeadDocuments.IndexedFields)
        {
            Leads.EnsureIndex(field, "$." + field);
        }

        Leads.EnsureIndex(LeadDocuments.SearchKeys, LeadDocuments.SearchKeysIndexExpression);
        FollowUps.EnsureIndex(FollowUpDocuments.LeadNumber, "$." + FollowUpDocuments.LeadNumber);
        Reminders.EnsureIndex(ReminderDocuments.PendingDueAt, "$." + ReminderDocuments.PendingDueAt);
        Reminders.EnsureIndex(ReminderDocuments.PendingOwnerKey, "$." + ReminderDocuments.PendingOwnerKey);
        Audit.EnsureIndex(AuditDocuments.ActorAt, "$." + AuditDocuments.ActorAt);
        Audit.EnsureIndex(AuditDocuments.LeadAt, "$." + AuditDocuments.LeadAt);
        Audit.EnsureIndex(AuditDocuments.Sequence, "$." + AuditDocuments.Sequence);
        Outbox.EnsureIndex(OutboxDocuments.PendingAttemptAt, "$." + OutboxDocuments.PendingAttemptAt);
        PersonalChannels.EnsureIndex(ConversationDocuments.PersonalChannelUserKey, "$." + ConversationDocuments.PersonalChannelUserKey);
        AssignmentRequests.EnsureIndex("RequestedAt", "$.RequestedAt");
        LeadAssignments.EnsureIndex(LeadAssignmentDocuments.DueAt, "$." + LeadAssignmentDocuments.DueAt);
        LeadAssignments.EnsureIndex(LeadAssignmentDocuments.RequestedAt, "$." + LeadAssignmentDocuments.RequestedAt);
        IntakeCounts.EnsureIndex(IntakeDocuments.Hour, "$." + IntakeDocuments.Hour);
        IntakeRecords.EnsureIndex(IntakeDocuments.RecordLeadAt, "$." + IntakeDocuments.RecordLeadAt);
        Inbox.EnsureIndex(InboxRepository.PendingAt, "$." + InboxRepository.PendingAt);
        Outbox.EnsureIndex(OutboxDocuments.PendingNoticeAt, "$." + OutboxDocuments.PendingNoticeAt);
        Outbox.EnsureIndex(OutboxDocuments.PendingRecipientKey, "$." + OutboxDocuments.PendingRecipientKey);
        Outbox.EnsureIndex(OutboxDocuments.DeadLetterCreatedAt, "$." + OutboxDocuments.DeadLetterCreatedAt);
        Reminders.EnsureIndex(ReminderDocuments.ShortId, ReminderDocuments.ShortIdExpression);

        FollowUps.EnsureIndex(FollowUpDocuments.At, "$." + FollowUpDocuments.At);
        FollowUps.EnsureIndex(FollowUpDocuments.AuthorAt, FollowUpDocuments.AuthorAtExpression);
        ReportTallies.EnsureIndex(Reports.ReportTallyDocuments.Day, "$." + Reports.ReportTallyDocuments.Day);
        ReportTallies.EnsureIndex(Reports.ReportTallyDocuments.Month, "$." + Reports.ReportTallyDocuments.Month);
        EvidenceMarks.EnsureIndex(Discipline.FollowUpDisciplineDocuments.Unlisted, "$." + Discipline.FollowUpDisciplineDocuments.Unlisted);

        // Both, not short-circuited: a store made before the keys existed gets them on its leads once.
        var idleCreated = Leads.EnsureIndex(OwnedLeadKeys.IdleKey, "$." + OwnedLeadKeys.IdleKey);
        var promiseCreated = Leads.EnsureIndex(OwnedLeadKeys.PromiseKey, "$." + OwnedLeadKeys.PromiseKey);
        if (idleCreated || promiseCreated)
        {
            OwnedLeadKeys.Backfill(Leads);
        }

        JobRuns.EnsureIndex(JobDocuments.JobAt, "$." + JobDocuments.JobAt);
        JobRuns.EnsureIndex(JobDocuments.StartedAt, "$." + JobDocuments.StartedAt);
        IntakeReceipts.EnsureIndex(IntakeDocuments.ReceiptAt, "$." + IntakeDocuments.ReceiptAt);
        Inbound.EnsureIndex(ConversationDocuments.InboundReceivedAt, "$." + ConversationDocuments.InboundReceivedAt);
        Approvals.EnsureIndex(global::ChatCrm.Storage.LiteDb.Approvals.ApprovalDocuments.AwaitingBy, "$." + global::ChatCrm.Storage.LiteDb.Approvals.ApprovalDocuments.AwaitingBy);
        Approvals.EnsureIndex(global::ChatCrm.Storage.LiteDb.Approvals.ApprovalDocuments.PendingApprovers, global::ChatCrm.Storage.LiteDb.Approvals.ApprovalDocuments.PendingApproversIndexExpression);
        Approvals.EnsureIndex(global::ChatCrm.Storage.LiteDb.Approvals.ApprovalDocuments.OpenExpiresAt, "$." + global::ChatCrm.Storage.LiteDb.Approvals.ApprovalDocuments.OpenExpiresAt);
        DeletedLeads.EnsureIndex(global::ChatCrm.Storage.LiteDb.Approvals.RecycleBinRepository.DeletedAt, "$." + global::ChatCrm.Storage.LiteDb.Approvals.RecycleBinRepository.DeletedAt);
        DeletedLeads.EnsureIndex(global::ChatCrm.Storage.LiteDb.Approvals.RecycleBinRepository.RequestNumber, "$." + global::ChatCrm.Storage.LiteDb.Approvals.RecycleBinRepository.RequestNumber);
        PartnerKeys.EnsureIndex(Partners.PartnerKeyDocuments.OwnerKey, "$." + Partners.PartnerKeyDocuments.OwnerKey);
    }
}
