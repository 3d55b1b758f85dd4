using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Assignment;
using ChatCrm.Storage.LiteDb.Audit;
using ChatCrm.Storage.LiteDb.Contacts;
using ChatCrm.Storage.LiteDb.Conversations;
using ChatCrm.Storage.LiteDb.Digest;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.FollowUps;
using ChatCrm.Storage.LiteDb.Health;
using ChatCrm.Storage.LiteDb.Inbox;
using ChatCrm.Storage.LiteDb.Intake;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Notifications;
using ChatCrm.Storage.LiteDb.People;
using ChatCrm.Storage.LiteDb.Preferences;
using ChatCrm.Storage.LiteDb.Reminders;
using ChatCrm.Storage.LiteDb.Scheduling;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Sessions;

/// <summary>The repositories of one unit of work (or one read), all behind the same <see cref="SessionScope"/>.</summary>
internal sealed class CrmSession : ICrmSession
{
    private readonly SessionScope _scope;
    private readonly ILiteCollection<BsonDocument> _sequences;

    public CrmSession(SessionScope scope, StoreCollections collections, IPersonalDataProtector protector, PeopleCache people, Core.Reports.Tallies.TallyRules tallyRules)
    {
        _scope = scope;
        _sequences = collections.Sequences;
        var tallyKeeper = new Reports.ReportTallyKeeper(scope, collections.ReportTallies, protector, tallyRules);
        Leads = new LeadRepository(scope, collections.Leads, protector, tallyKeeper);
        FollowUps = new FollowUpRepository(scope, collections.FollowUps);
        Reminders = new ReminderRepository(scope, collections.Reminders);
        People = new PeopleDirectory(scope, collections, people, protector);
        Conversations = new ConversationRepository(scope, collections, protector);
        Audit = new AuditLog(scope, collections.Audit, protector);
        Outbox = new OutboxRepository(scope, collections.Outbox);
        Inbox = new InboxRepository(scope, collections.Inbox, protector);
        Contacts = new ExternalContactRepository(scope, collections.Contacts, protector);
        AssignmentRequests = new AssignmentRequestRepository(scope, collections.AssignmentRequests);
        LeadAssignments = new LeadAssignmentRepository(scope, collections.LeadAssignments);
        AssignmentRules = new AssignmentRuleRepository(scope, collections.AssignmentRules, collections.AssignmentTurns);
        Intake = new IntakeRepository(scope, collections, protector);
        Preferences = new UserPreferenceRepository(scope, collections.Preferences);
        FollowUpDiscipline = new Discipline.FollowUpDisciplineRepository(scope, collections);
        ManagerDigests = new ManagerDigestRepository(scope, collections);
        IntegrationHealth = new IntegrationHealthRepository(scope, collections.IntegrationHealth);
        Jobs = new JobHistory(scope, collections);
        Approvals = new global::ChatCrm.Storage.LiteDb.Approvals.ApprovalRepository(scope, collections);
        RecycleBin = new global::ChatCrm.Storage.LiteDb.Approvals.RecycleBinRepository(scope, collections, protector, tallyKeeper);
        Exports = new global::ChatCrm.Storage.LiteDb.Approvals.ExportRepository(scope, collections);
        PartnerKeys = new Partners.PartnerKeyRepository(scope, collections.PartnerKeys);
        MetricDefinitions = new Reports.MetricDefinitionRepository(scope, collections.MetricDefinitions);
        ReportTallies = new Reports.ReportTallyRepository(scope, collections.ReportTallies, tallyRules);
    }

    public ILeadRepository Leads { get; }

    public IFollowUpRepository FollowUps { get; }

    public IReminderRepository Reminders { get; }

    public IPeopleDirectory People { get; }

    public IConversationRepository Conversations { get; }

    public IAuditLog Audit { get; }

    public IOutbox Outbox { get; }

    public IInbox Inbox { get; }

    public IExternalContacts Contacts { get; }

    public IAssignmentRequests AssignmentRequests { get; }

    public ILeadAssignments LeadAssignments { get; }

    public IAssignmentRules AssignmentRules { get; }
    public IIntakeRepository Intake { get; }

    public IUserPreferences Preferences { get; }
    public ChatCrm.Core.Discipline.IFollowUpDiscipline FollowUpDiscipline { get; }
    public IManagerDigests ManagerDigests { get; }

    public IIntegrationHealthLog IntegrationHealth { get; }
    public IJobHistory Jobs { get; }

    public IApprovals Approvals { get; }

    public IRecycleBin RecycleBin { get; }

    public IExports Exports { get; }

    public IPartnerKeys PartnerKeys { get; }

    public IMetricDefinitions MetricDefinitions { get; }

    public IReportTallies ReportTallies { get; }

    // Gap-free because the increment commits or rolls back with the unit that drew the number,
    // and atomic because one writer runs the units one after another.
    public long NextInSequence(string name) => _scope.Write(() =>
    {
        var counter = _sequences.FindById(name);
        var next = (counter is null ? 0 : counter["Value"].AsInt64) + 1;
        _sequences.Upsert(new BsonDocument { ["_id"] = name, ["Value"] = next });
        return next;
    });
}
