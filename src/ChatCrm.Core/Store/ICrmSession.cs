namespace ChatCrm.Core.Store;

/// <summary>The repositories visible inside one unit of work.</summary>
public interface ICrmSession
{
    ILeadRepository Leads { get; }

    IFollowUpRepository FollowUps { get; }

    IReminderRepository Reminders { get; }

    IPeopleDirectory People { get; }

    IConversationRepository Conversations { get; }

    IAuditLog Audit { get; }

    IOutbox Outbox { get; }

    IInbox Inbox { get; }

    IExternalContacts Contacts { get; }

    IAssignmentRequests AssignmentRequests { get; }

    ILeadAssignments LeadAssignments { get; }

    IAssignmentRules AssignmentRules { get; }
    IIntakeRepository Intake { get; }

    IUserPreferences Preferences { get; }

    global::ChatCrm.Core.Discipline.IFollowUpDiscipline FollowUpDiscipline { get; }

    IManagerDigests ManagerDigests { get; }

    IIntegrationHealthLog IntegrationHealth { get; }

    IJobHistory Jobs { get; }

    IApprovals Approvals { get; }

    /// <summary>Deleted leads, out of every lead query until restored or purged.</summary>
    IRecycleBin RecycleBin { get; }

    IExports Exports { get; }

    /// <summary>Gap-free counters, e.g. the per-day lead sequence.</summary>
    long NextInSequence(string name);

    IPartnerKeys PartnerKeys { get; }

    /// <summary>Metric definitions as admins changed them (versions and parameters).</summary>
    IMetricDefinitions MetricDefinitions { get; }

    /// <summary>The report tallies the store keeps with every change to a lead.</summary>
    IReportTallies ReportTallies { get; }
}
