using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;

namespace ChatCrm.Language;

/// <summary>What a chat message means: one record per thing a person can ask the bot to do.</summary>
/// <remarks>
/// A lead is referred to by what the person said (<see cref="LeadMention"/>): a name ("王总"),
/// a company ("Acme") or a lead number. Null means "the lead this chat is linked to".
/// </remarks>
public abstract record Intent
{
    /// <summary>The stable name used by the NLU cases and scorer, e.g. "log_followup".</summary>
    public abstract string Name { get; }
}

/// <summary>A local date, with a time of day when one was said.</summary>
public sealed record LocalMoment(DateOnly Date, TimeOnly? Time)
{
    /// <summary>"2026-11-25" or "2026-11-25T10:00", as the NLU cases write it.</summary>
    public override string ToString() =>
        Time is { } time ? $"{Date:yyyy-MM-dd}T{time:HH\\:mm}" : Date.ToString("yyyy-MM-dd");
}

public sealed record LogFollowUpIntent(
    string? LeadMention,
    ContactChannel? Channel,
    Interest? Interest,
    LocalMoment? NextAt,
    string Summary) : Intent
{
    public override string Name => "log_followup";
}

public sealed record CreateLeadIntent(
    string? LeadName,
    string? Phone,
    string? Company,
    string? Industry,
    LeadStage? Stage) : Intent
{
    public override string Name => "create_lead";
}

public sealed record LinkChatIntent(string? LeadMention) : Intent
{
    public override string Name => "link_chat";
}

public sealed record ClaimLeadIntent(string? LeadMention) : Intent
{
    public override string Name => "claim_lead";
}

public sealed record ReturnLeadIntent(string? LeadMention, string? Reason) : Intent
{
    public override string Name => "return_lead";
}

public sealed record TransferLeadIntent(string? LeadMention, string? ToUser) : Intent
{
    public override string Name => "transfer_lead";
}

/// <summary>Offer a pool lead to a salesperson, who claims it (managers and admins; a slash command, not a sentence).</summary>
public sealed record AssignLeadIntent(string? LeadMention, string? ToUser) : Intent
{
    public override string Name => "assign_lead";
}

/// <summary>A salesperson turns down a lead offered to them (the Return button on the offer, or /decline), so the next is offered.</summary>
public sealed record DeclineOfferIntent(string? LeadMention) : Intent
{
    public override string Name => "decline_offer";
}

public sealed record SetStageIntent(string? LeadMention, LeadStage? Stage) : Intent
{
    public override string Name => "set_stage";
}

/// <param name="Reason">Why, when the deal is won and its signed amount changes only with approval.</param>
public sealed record SetAmountIntent(string? LeadMention, decimal? Amount, string Currency, string? Reason = null) : Intent
{
    public override string Name => "set_amount";
}

public sealed record SetReminderIntent(LocalMoment? At, string? Text, string? LeadMention) : Intent
{
    public override string Name => "set_reminder";
}

/// <summary>Which leads a person wants listed.</summary>
public enum LeadFilter
{
    Mine,
    Stale,
    Unclaimed,
    Today,
}

public sealed record QueryLeadsIntent(LeadFilter Filter) : Intent
{
    public override string Name => "query_leads";
}

/// <param name="Metric">A metric id of the dictionary, or the words said for one ("转化率", which may name several).</param>
/// <param name="Team">A team to narrow to, as said ("east", "东区").</param>
public sealed record QueryReportIntent(string? Metric, string? Period, string? Team = null) : Intent
{
    public override string Name => "query_report";
}

public sealed record HelpIntent : Intent
{
    public override string Name => "help";
}

/// <summary>An admin lists the messages that could not be sent (a slash command: /outbox).</summary>
public sealed record ListDeadLettersIntent : Intent
{
    public override string Name => "list_dead_letters";
}

/// <summary>An admin puts an unsent message back in line (a slash command: /replay &lt;id&gt;).</summary>
public sealed record ReplayMessageIntent(string? MessageRef) : Intent
{
    public override string Name => "replay_message";
}

/// <summary>An admin links a chat-platform account to a CRM user (/admin user link &lt;user&gt; &lt;channel&gt; &lt;id&gt;).</summary>
public sealed record LinkIdentityIntent(string? UserMention, string? Channel, string? ExternalId) : Intent
{
    public override string Name => "link_identity";
}

/// <summary>An admin unlinks a user's account on a platform (/admin user unlink &lt;user&gt; &lt;channel&gt;).</summary>
public sealed record UnlinkIdentityIntent(string? UserMention, string? Channel) : Intent
{
    public override string Name => "unlink_identity";
}

/// <summary>An admin asks how assignment is doing: time to claim, stuck leads, failures (/admin assignment).</summary>
public sealed record AssignmentHealthIntent : Intent
{
    public override string Name => "assignment_health";
}

/// <summary>An admin lists the assignment rules and working hours (/admin rule list).</summary>
public sealed record ListAssignmentRulesIntent : Intent
{
    public override string Name => "list_assignment_rules";
}

/// <summary>An admin lists the intake sources with their counts (/admin source list).</summary>
public sealed record ListIntakeSourcesIntent : Intent
{
    public override string Name => "list_intake_sources";
}

/// <summary>An admin adds an intake source, whose secret is shown once (/admin source add &lt;key&gt; &lt;channel&gt; [team]).</summary>
public sealed record AddIntakeSourceIntent(string? Key, string? Channel, string? Team) : Intent
{
    public override string Name => "add_intake_source";
}

/// <summary>An admin gives an intake source a new secret (/admin source secret &lt;key&gt;).</summary>
public sealed record RotateIntakeSecretIntent(string? Key) : Intent
{
    public override string Name => "rotate_intake_secret";
}

/// <summary>An admin switches an intake source off or on (/admin source off|on &lt;key&gt;).</summary>
public sealed record SwitchIntakeSourceIntent(string? Key, bool On) : Intent
{
    public override string Name => "switch_intake_source";
}

/// <summary>An admin asks how each integration is doing: healthy or failing, since when, the last error (/admin health).</summary>
public sealed record IntegrationHealthIntent : Intent
{
    public override string Name => "integration_health";
}

/// <summary>An admin lists the scheduled jobs with their next and last runs (/admin job list, /admin jobs).</summary>
public sealed record ListJobsIntent : Intent
{
    public override string Name => "list_jobs";
}

/// <summary>An admin runs a scheduled job now, besides its schedule (/admin job run &lt;name&gt;).</summary>
public sealed record RunJobIntent(string? Job) : Intent
{
    public override string Name => "run_job";
}

/// <summary>An admin stops a job's scheduled runs until resumed (/admin job pause &lt;name&gt;).</summary>
public sealed record PauseJobIntent(string? Job) : Intent
{
    public override string Name => "pause_job";
}

/// <summary>An admin lets a paused job run on its schedule again (/admin job resume &lt;name&gt;).</summary>
public sealed record ResumeJobIntent(string? Job) : Intent
{
    public override string Name => "resume_job";
}

/// <summary>Undo the last change this person made in this conversation ("撤销", "undo").</summary>
public sealed record UndoIntent : Intent
{
    public override string Name => "undo";
}

public sealed record UnknownIntent : Intent
{
    public override string Name => "unknown";
}

/// <summary>The owner marks a reminder done: the Done button on it, or /reminder done &lt;id&gt;.</summary>
/// <param name="ReminderRef">The reminder's id, or its short id as cards and lists show it.</param>
public sealed record CompleteReminderIntent(string? ReminderRef) : Intent
{
    public override string Name => "complete_reminder";
}

/// <summary>The owner puts a reminder off: its "1 hour" and "tomorrow" buttons, or /reminder snooze &lt;id&gt; 1h|tomorrow.</summary>
public sealed record SnoozeReminderIntent(string? ReminderRef, Core.Reminders.SnoozeLength? Length) : Intent
{
    public override string Name => "snooze_reminder";
}

/// <summary>A person lists their pending reminders, soonest first (/reminders).</summary>
public sealed record ListRemindersIntent : Intent
{
    public override string Name => "list_reminders";
}

/// <summary>A person looks at their quiet hours (/quiet).</summary>
public sealed record ShowQuietHoursIntent : Intent
{
    public override string Name => "show_quiet_hours";
}

/// <summary>A person sets their quiet hours (/quiet 22:00-07:30) or turns them off (/quiet off).</summary>
/// <param name="Hours">Null when <paramref name="Given"/> could not be read as quiet hours.</param>
public sealed record SetQuietHoursIntent(Core.Preferences.QuietHours? Hours, string? Given) : Intent
{
    public override string Name => "set_quiet_hours";
}

/// <summary>
/// Set when to follow up next on the listed leads, <see cref="Days"/> days from today (the
/// buttons of the next-step prompt and of the stale-lead list; no sentence or command makes it).
/// </summary>
public sealed record PlanFollowUpIntent(IReadOnlyList<string> LeadNumbers, int Days) : Intent
{
    public override string Name => "plan_followup";
}

/// <summary>Ask to delete a lead (/delete L-… reason): it goes to the recycle bin once a second person approves.</summary>
public sealed record DeleteLeadIntent(string? LeadMention, string? Reason) : Intent
{
    public override string Name => "delete_lead";
}

/// <summary>The requester confirms their high-risk request with the card's one-time code (/confirm 123456).</summary>
public sealed record ConfirmApprovalIntent(string? Code) : Intent
{
    public override string Name => "confirm_approval";
}

/// <summary>An approver decides a request: the card's Approve / Reject buttons, /approve A-… [reason], /reject A-… reason.</summary>
public sealed record DecideApprovalIntent(string? Approval, bool Approve, string? Reason) : Intent
{
    public override string Name => "decide_approval";
}

/// <summary>An approver lists the requests waiting for their decision (/approvals).</summary>
public sealed record ListApprovalsIntent : Intent
{
    public override string Name => "list_approvals";
}

/// <summary>An admin looks in the recycle bin (/admin bin).</summary>
public sealed record ShowRecycleBinIntent : Intent
{
    public override string Name => "show_recycle_bin";
}

/// <summary>An admin restores deleted leads, by number or by the approval that deleted them (/admin restore L-…|A-…).</summary>
public sealed record RestoreLeadsIntent(IReadOnlyList<string> References) : Intent
{
    public override string Name => "restore_leads";
}

/// <summary>An admin asks to purge binned leads before their 30 days (/admin purge L-… reason), which needs approval.</summary>
public sealed record PurgeLeadsIntent(IReadOnlyList<string> LeadNumbers, string? Reason) : Intent
{
    public override string Name => "purge_leads";
}

/// <summary>
/// Change many leads at once: /bulk transfer &lt;from&gt; &lt;to&gt; [reason], /bulk return &lt;user&gt; [reason],
/// /bulk delete L-… L-… reason (or a user: all their leads). Listed numbers win over a user.
/// </summary>
public sealed record BulkChangeIntent(Core.Bulk.BulkKind? Kind, IReadOnlyList<string> LeadNumbers, string? FromUser, string? ToUser, string? Reason) : Intent
{
    public override string Name => "bulk_change";
}

/// <summary>Export leads as a CSV behind a one-time link (/export [mine|team|all] [phones] [reason]).</summary>
public sealed record ExportLeadsIntent(Core.Exports.ExportScope? Scope, bool Phones, string? Reason) : Intent
{
    public override string Name => "export_leads";
}
