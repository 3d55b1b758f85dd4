using System.Globalization;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Language;

namespace ChatCrm.Channels.Conversation;

/// <summary>
/// An intent written into a button's payload (or a pending question) and read back, so a button
/// press such as "which 王总? → this one" re-runs the understood request with the lead filled in.
/// The payload is plain strings, so every channel can carry it.
/// </summary>
public static class IntentPayload
{
    public const string IntentKey = "do";
    public const string LanguageKey = "lang";

    public static Dictionary<string, string> Write(Intent intent, string language)
    {
        var payload = new Dictionary<string, string> { [IntentKey] = intent.Name, [LanguageKey] = language };
        void Put(string key, object? value)
        {
            if (value is not null)
            {
                payload[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }
        }

        switch (intent)
        {
            case LogFollowUpIntent f:
                Put("lead", f.LeadMention); Put("channel", f.Channel); Put("interest", f.Interest);
                Put("next_at", f.NextAt); Put("summary", f.Summary);
                break;
            case CreateLeadIntent c:
                Put("name", c.LeadName); Put("phone", c.Phone); Put("company", c.Company);
                Put("industry", c.Industry); Put("stage", c.Stage);
                break;
            case LinkChatIntent l: Put("lead", l.LeadMention); break;
            case ClaimLeadIntent c: Put("lead", c.LeadMention); break;
            case DeclineOfferIntent d: Put("lead", d.LeadMention); break;
            case ReturnLeadIntent r: Put("lead", r.LeadMention); Put("reason", r.Reason); break;
            case TransferLeadIntent t: Put("lead", t.LeadMention); Put("to_user", t.ToUser); break;
            case AssignLeadIntent a: Put("lead", a.LeadMention); Put("to_user", a.ToUser); break;
            case SetStageIntent s: Put("lead", s.LeadMention); Put("stage", s.Stage); break;
            case SetAmountIntent a: Put("lead", a.LeadMention); Put("amount", a.Amount); Put("currency", a.Currency); Put("reason", a.Reason); break;
            case SetReminderIntent r: Put("lead", r.LeadMention); Put("at", r.At); Put("text", r.Text); break;
            case QueryLeadsIntent q: Put("filter", q.Filter); break;
            case QueryReportIntent q: Put("metric", q.Metric); Put("period", q.Period); Put("team", q.Team); break;
            case MetricDetailsIntent m: Put("metric", m.Metric); Put("period", m.Period); Put("team", m.Team); break;
            case ExplainMetricIntent m: Put("metric", m.Metric); break;
            case SummarizeLeadIntent b: Put("lead", b.LeadMention); break;
            case ChangeMetricIntent m: Put("metric", m.Metric); Put("parameter", m.Parameter); Put("value", m.Value); Put("reason", m.Reason); break;
            case ExcludeFromReportsIntent x: Put("lead", x.LeadMention); Put("kind", x.Kind); break;
            case ReplayMessageIntent r: Put("message", r.MessageRef); break;
            case LinkIdentityIntent l: Put("user", l.UserMention); Put("channel", l.Channel); Put("external_id", l.ExternalId); break;
            case UnlinkIdentityIntent u: Put("user", u.UserMention); Put("channel", u.Channel); break;
            case AddIntakeSourceIntent a: Put("key", a.Key); Put("channel", a.Channel); Put("team", a.Team); break;
            case RotateIntakeSecretIntent r: Put("key", r.Key); break;
            case SwitchIntakeSourceIntent s: Put("key", s.Key); Put("on", s.On ? "true" : "false"); break;
            case CompleteReminderIntent c: Put("reminder", c.ReminderRef); break;
            case SnoozeReminderIntent s: Put("reminder", s.ReminderRef); Put("snooze", s.Length is { } length ? ReminderWords.Write(length) : null); break;
            case SetQuietHoursIntent q: Put("quiet", q.Hours is { } hours ? ReminderWords.Write(hours) : null); Put("given", q.Given); break;
            case PlanFollowUpIntent p: Put("leads", string.Join(',', p.LeadNumbers)); Put("days", p.Days); break;
            case RunJobIntent r: Put("job", r.Job); break;
            case PauseJobIntent p: Put("job", p.Job); break;
            case ResumeJobIntent r: Put("job", r.Job); break;
            case RevealContactIntent r: Put("lead", r.LeadMention); break;
            case LeadHistoryIntent h: Put("lead", h.LeadMention); Put("page", h.Page); break;
            case ShowPositionIntent p: Put("position", p.Position); break;
            case ShowUserIntent u: Put("user", u.UserMention); break;
            case DeleteLeadIntent d: Put("lead", d.LeadMention); Put("reason", d.Reason); break;
            case ConfirmApprovalIntent c: Put("code", c.Code); break;
            case DecideApprovalIntent d: Put("approval", d.Approval); Put("approve", d.Approve ? "true" : "false"); Put("reason", d.Reason); break;
            case RestoreLeadsIntent r: Put("leads", string.Join(',', r.References)); break;
            case PurgeLeadsIntent p: Put("leads", string.Join(',', p.LeadNumbers)); Put("reason", p.Reason); break;
            case BulkChangeIntent b:
                Put("kind", b.Kind); Put("leads", string.Join(',', b.LeadNumbers)); Put("from_user", b.FromUser); Put("to_user", b.ToUser); Put("reason", b.Reason);
                break;
            case ExportLeadsIntent e: Put("scope", e.Scope); Put("phones", e.Phones ? "true" : "false"); Put("reason", e.Reason); break;
        }

        return payload;
    }

    /// <summary>The intent a payload carries, or null when it carries none or is malformed.</summary>
    public static Intent? Read(IReadOnlyDictionary<string, string> payload)
    {
        string? Get(string key) => payload.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        if (Get(IntentKey) is not { } name)
        {
            return null;
        }

        try
        {
            return name switch
            {
                "log_followup" => new LogFollowUpIntent(Get("lead"), Enum<ContactChannel>(Get("channel")), Enum<Interest>(Get("interest")), Moment(Get("next_at")), Get("summary") ?? string.Empty),
                "create_lead" => new CreateLeadIntent(Get("name"), Get("phone"), Get("company"), Get("industry"), Enum<LeadStage>(Get("stage"))),
                "link_chat" => new LinkChatIntent(Get("lead")),
                "claim_lead" => new ClaimLeadIntent(Get("lead")),
                "decline_offer" => new DeclineOfferIntent(Get("lead")),
                "return_lead" => new ReturnLeadIntent(Get("lead"), Get("reason")),
                "transfer_lead" => new TransferLeadIntent(Get("lead"), Get("to_user")),
                "assign_lead" => new AssignLeadIntent(Get("lead"), Get("to_user")),
                "set_stage" => new SetStageIntent(Get("lead"), Enum<LeadStage>(Get("stage"))),
                "set_amount" => new SetAmountIntent(Get("lead"), Get("amount") is { } a ? decimal.Parse(a, CultureInfo.InvariantCulture) : null, Get("currency") ?? "CNY", Get("reason")),
                "set_reminder" => new SetReminderIntent(Moment(Get("at")), Get("text"), Get("lead")),
                "query_leads" => new QueryLeadsIntent(Enum<LeadFilter>(Get("filter")) ?? LeadFilter.Mine),
                "query_report" => new QueryReportIntent(Get("metric"), Get("period"), Get("team")),
                "metric_details" => new MetricDetailsIntent(Get("metric"), Get("period"), Get("team")),
                "explain_metric" => new ExplainMetricIntent(Get("metric")),
                "list_metrics" => new ListMetricsIntent(),
                "recount_reports" => new RecountReportsIntent(),
                "summarize_lead" => new SummarizeLeadIntent(Get("lead")),
                "change_metric" => new ChangeMetricIntent(Get("metric"), Get("parameter"), Get("value"), Get("reason")),
                "exclude_from_reports" => new ExcludeFromReportsIntent(Get("lead"), Get("kind")),
                "list_dead_letters" => new ListDeadLettersIntent(),
                "assignment_health" => new AssignmentHealthIntent(),
                "list_assignment_rules" => new ListAssignmentRulesIntent(),
                "replay_message" => new ReplayMessageIntent(Get("message")),
                "link_identity" => new LinkIdentityIntent(Get("user"), Get("channel"), Get("external_id")),
                "unlink_identity" => new UnlinkIdentityIntent(Get("user"), Get("channel")),
                "list_intake_sources" => new ListIntakeSourcesIntent(),
                "add_intake_source" => new AddIntakeSourceIntent(Get("key"), Get("channel"), Get("team")),
                "rotate_intake_secret" => new RotateIntakeSecretIntent(Get("key")),
                "switch_intake_source" => new SwitchIntakeSourceIntent(Get("key"), Get("on") == "true"),
                "plan_followup" => new PlanFollowUpIntent(
                    (Get("leads") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    int.Parse(Get("days") ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture)),
                "list_jobs" => new ListJobsIntent(),
                "run_job" => new RunJobIntent(Get("job")),
                "pause_job" => new PauseJobIntent(Get("job")),
                "resume_job" => new ResumeJobIntent(Get("job")),
                "help" => new HelpIntent(),
                "undo" => new UndoIntent(),
                "complete_reminder" => new CompleteReminderIntent(Get("reminder")),
                "snooze_reminder" => new SnoozeReminderIntent(Get("reminder"), ReminderWords.Snooze(Get("snooze"))),
                "list_reminders" => new ListRemindersIntent(),
                "show_quiet_hours" => new ShowQuietHoursIntent(),
                "set_quiet_hours" => new SetQuietHoursIntent(ReminderWords.Quiet(Get("quiet")), Get("given") ?? Get("quiet")),
                "reveal_contact" => new RevealContactIntent(Get("lead")),
                "lead_history" => new LeadHistoryIntent(Get("lead"), int.Parse(Get("page") ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture)),
                "verify_audit" => new VerifyAuditIntent(),
                "list_positions" => new ListPositionsIntent(),
                "show_position" => new ShowPositionIntent(Get("position")),
                "list_users" => new ListUsersIntent(),
                "show_user" => new ShowUserIntent(Get("user")),
                "list_teams" => new ListTeamsIntent(),
                "delete_lead" => new DeleteLeadIntent(Get("lead"), Get("reason")),
                "confirm_approval" => new ConfirmApprovalIntent(Get("code")),
                "decide_approval" => new DecideApprovalIntent(Get("approval"), Get("approve") == "true", Get("reason")),
                "list_approvals" => new ListApprovalsIntent(),
                "show_recycle_bin" => new ShowRecycleBinIntent(),
                "restore_leads" => new RestoreLeadsIntent(List(Get("leads"))),
                "purge_leads" => new PurgeLeadsIntent(List(Get("leads")), Get("reason")),
                "bulk_change" => new BulkChangeIntent(Enum<Core.Bulk.BulkKind>(Get("kind")), List(Get("leads")), Get("from_user"), Get("to_user"), Get("reason")),
                "export_leads" => new ExportLeadsIntent(Enum<Core.Exports.ExportScope>(Get("scope")), Get("phones") == "true", Get("reason")),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string[] List(string? joined) =>
        (joined ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static T? Enum<T>(string? text)
        where T : struct, Enum =>
        text is null ? null
        : System.Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value
        : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    private static LocalMoment? Moment(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withTime))
        {
            return new LocalMoment(DateOnly.FromDateTime(withTime), TimeOnly.FromDateTime(withTime));
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new LocalMoment(date, null)
            : throw new FormatException($"'{text}' is not a date.");
    }
}
