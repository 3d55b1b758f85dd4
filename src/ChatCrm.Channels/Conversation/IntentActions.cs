using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Exports;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Health;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Scheduling;
using ChatCrm.Language;

namespace ChatCrm.Channels.Conversation;

/// <summary>
/// Carries out an understood intent through the core's use cases and writes the reply. One
/// method per kind of request, as a bot's turn handler has one per activity kind.
/// </summary>
public sealed class IntentActions(
    CreateLead createLead,
    LinkChat linkChat,
    LogFollowUp logFollowUp,
    ClaimLead claimLead,
    ReturnLead returnLead,
    TransferLead transferLead,
    OfferLead offerLead,
    ChangeStage changeStage,
    SetReminder setReminder,
    UndoChange undoChange,
    ListLeads listLeads,
    ReviewDeadLetters deadLetters,
    LinkIdentity linkIdentity,
    DeclineOffer declineOffer,
    AssignmentHealth assignmentHealth,
    ListAssignmentRules assignmentRules,
    ManageIntakeSources intakeSources,
    ReplyWriter replies,
    AssignmentReplies assignmentReplies,
    IntakeSourceReplies intakeReplies,
    CompleteReminder completeReminder,
    SnoozeReminder snoozeReminder,
    ListReminders listReminders,
    ManageQuietHours quietHours,
    ReminderReplies reminderReplies,
    QuietHoursReplies quietHoursReplies,
    PlanNextFollowUp planNextFollowUp,
    DisciplineReplies disciplineReplies,
    ShowIntegrationHealth integrationHealth,
    HealthReplies healthReplies,
    ManageScheduledJobs scheduledJobs,
    JobReplies jobReplies,
    ManageAccess access,
    RevealContact revealContact,
    AccessReplies accessReplies,
    ShowLeadHistory leadHistory,
    VerifyAuditChain verifyAudit,
    AuditReplies auditReplies,
    DeleteLead deleteLead,
    ConfirmApproval confirmApproval,
    DecideApproval decideApproval,
    ListPendingApprovals pendingApprovals,
    ShowRecycleBin showRecycleBin,
    RestoreLeads restoreLeads,
    PurgeLead purgeLead,
    BulkChange bulkChange,
    SetDealAmount setDealAmount,
    RequestExport requestExport,
    ApprovalCards approvalCards,
    HighRiskReplies highRiskReplies,
    OffboardingActions offboarding,
    AnswerMetric answerMetric,
    ListMetricRecords metricRecords,
    ReportReplies reportReplies,
    ExcludeFromReports excludeFromReports,
    BriefLead briefLead,
    ILeadSummaryWriter summaries,
    SummaryReplies summaryReplies,
    ManageMetrics manageMetrics,
    Core.Reports.Tallies.RecountReports recountReports)
{
    /// <summary>When a reminder gives a day but no time, it is due at the start of the working day.</summary>
    private static readonly TimeOnly DefaultReminderTime = new(9, 0);

    /// <param name="localNow">The moment the message was sent, on the sender's clock: dates resolve against it.</param>
    /// <param name="auditId">The change an Undo button names, if one was pressed.</param>
    public async Task<TurnOutcome> RunAsync(Actor actor, Intent intent, string language, DateTimeOffset localNow, Guid? auditId, CancellationToken cancellationToken)
    {
        switch (intent)
        {
            case LogFollowUpIntent f:
                var report = new FollowUpReport(f.LeadMention, f.Channel, f.Interest, At(f.NextAt, localNow, null), f.Summary);
                return Outcome(await logFollowUp.HandleAsync(actor, report, cancellationToken), intent, language, logged => replies.FollowUpLogged(logged, language));
            case CreateLeadIntent c:
                var created = await createLead.HandleAsync(actor, new NewLead(c.LeadName, c.Phone, c.Company, c.Industry, c.Stage), cancellationToken);
                return Outcome(created, intent, language, change => WithLinkButton(replies.LeadChanged(change, AuditActions.CreateLead, language), change.After, language));
            case LinkChatIntent l:
                return Outcome(await linkChat.HandleAsync(actor, l.LeadMention, cancellationToken), intent, language, linked => replies.ChatLinked(linked, language));
            case ClaimLeadIntent c:
                return LeadChanged(await claimLead.HandleAsync(actor, c.LeadMention, cancellationToken), AuditActions.ClaimLead, intent, language);
            case DeclineOfferIntent d:
                return Outcome(await declineOffer.HandleAsync(actor, d.LeadMention, cancellationToken), intent, language, declined => assignmentReplies.Declined(declined, language));
            case ReturnLeadIntent r:
                return LeadChanged(await returnLead.HandleAsync(actor, r.LeadMention, r.Reason, cancellationToken), AuditActions.ReturnLead, intent, language);
            case TransferLeadIntent t:
                return LeadChanged(await transferLead.HandleAsync(actor, t.LeadMention, t.ToUser, cancellationToken), AuditActions.TransferLead, intent, language);
            case AssignLeadIntent a:
                return LeadChanged(await offerLead.HandleAsync(actor, a.LeadMention, a.ToUser, cancellationToken), AuditActions.OfferLead, intent, language);
            case SetStageIntent s:
                return LeadChanged(await changeStage.HandleAsync(actor, s.LeadMention, s.Stage, cancellationToken), AuditActions.ChangeStage, intent, language);
            case SetAmountIntent a:
                // A won deal's amount changes only with approval: SetDealAmount opens the request, or changes an open deal through ChangeAmount.
                return Outcome(await setDealAmount.HandleAsync(actor, a.LeadMention, a.Amount, a.Currency, a.Reason, cancellationToken), intent, language, set => highRiskReplies.Amount(set, language), HighRiskReplies.Refused);
            case SetReminderIntent r:
                var reminder = await setReminder.HandleAsync(actor, At(r.At, localNow, DefaultReminderTime), r.Text, r.LeadMention, cancellationToken);
                return Outcome(reminder, intent, language, set => replies.ReminderSet(set, language));
            case UndoIntent:
                return Outcome(await undoChange.HandleAsync(actor, auditId, cancellationToken), intent, language, undone => replies.Undone(undone, language));
            case QueryLeadsIntent q:
                var page = await listLeads.HandleAsync(actor, ListFor(q.Filter), cancellationToken);
                return TurnOutcome.Say(replies.Leads(page, language));
            case QueryReportIntent q:
                var asked = new MetricRequest(q.Metric, q.Period, q.Team);
                return Outcome(await answerMetric.HandleAsync(actor, asked, cancellationToken), intent, language, answer => reportReplies.Answer(answer, actor.User.Key, language), ReportReplies.Refused);
            case MetricDetailsIntent d:
                return Outcome(await metricRecords.HandleAsync(actor, new MetricRequest(d.Metric, d.Period, d.Team), cancellationToken), intent, language, records => reportReplies.Records(records, actor.User.Key, language), ReportReplies.Refused);
            case ListMetricsIntent:
                return TurnOutcome.Say(reportReplies.Dictionary(await manageMetrics.ListAsync(cancellationToken), language));
            case RecountReportsIntent:
                return Outcome(await recountReports.HandleAsync(actor, cancellationToken), intent, language, recount => reportReplies.Recounted(recount, language), ReportReplies.Refused);
            case ChangeMetricIntent c:
                return Outcome(await manageMetrics.ChangeAsync(actor, c.Metric, c.Parameter, c.Value, c.Reason, cancellationToken), intent, language, changed => reportReplies.Changed(changed, language), ReportReplies.Refused);
            case ExcludeFromReportsIntent x:
                return LeadChanged(await excludeFromReports.HandleAsync(actor, x.LeadMention, x.Kind, cancellationToken), AuditActions.ExcludeFromReports, intent, language);
            case SummarizeLeadIntent b:
                var brief = await briefLead.HandleAsync(actor, b.LeadMention, cancellationToken);
                if (!brief.IsSuccess)
                {
                    return new TurnOutcome([ErrorReplies.For(brief.Error!, intent, language)], brief.Error);
                }

                return TurnOutcome.Say(summaryReplies.Brief(brief.Value!, await SummaryAsync(brief.Value!, language, localNow, cancellationToken), language));
            case ExplainMetricIntent e:
                return Outcome(await manageMetrics.ExplainAsync(e.Metric, cancellationToken), intent, language, metric => reportReplies.Explain(metric, language), ReportReplies.Refused);
            case ListDeadLettersIntent:
                return Outcome(await deadLetters.ListAsync(actor, cancellationToken), intent, language, messages => replies.DeadLetters(messages, language));
            case ReplayMessageIntent r:
                return Outcome(await deadLetters.ReplayAsync(actor, r.MessageRef, cancellationToken), intent, language, replayed => replies.Replayed(replayed, language));
            case LinkIdentityIntent l:
                return Outcome(await linkIdentity.LinkAsync(actor, l.UserMention, l.Channel, l.ExternalId, cancellationToken), intent, language, linked => replies.IdentityLinked(linked, language));
            case UnlinkIdentityIntent u:
                return Outcome(await linkIdentity.UnlinkAsync(actor, u.UserMention, u.Channel, cancellationToken), intent, language, unlinked => replies.IdentityLinked(unlinked, language));
            case AssignmentHealthIntent:
                return Outcome(await assignmentHealth.HandleAsync(actor, cancellationToken), intent, language, report => assignmentReplies.Health(report, language));
            case ListAssignmentRulesIntent:
                return Outcome(await assignmentRules.HandleAsync(actor, cancellationToken), intent, language, rulebook => assignmentReplies.Rules(rulebook, language));
            case ListIntakeSourcesIntent:
                return Outcome(await intakeSources.ListAsync(actor, cancellationToken), intent, language, sources => intakeReplies.List(sources, language));
            case AddIntakeSourceIntent a:
                return Outcome(await intakeSources.AddAsync(actor, a.Key, a.Channel, a.Team, cancellationToken), intent, language, added => intakeReplies.Secret(added, rotated: false, language));
            case RotateIntakeSecretIntent r:
                return Outcome(await intakeSources.RotateSecretAsync(actor, r.Key, cancellationToken), intent, language, rotated => intakeReplies.Secret(rotated, rotated: true, language));
            case SwitchIntakeSourceIntent s:
                return Outcome(await intakeSources.SwitchAsync(actor, s.Key, s.On, cancellationToken), intent, language, switched => intakeReplies.Switched(switched, language));
            case PlanFollowUpIntent p:
                var plannedAt = PlannedDay(p.Days, localNow);
                var planned = plannedAt is null
                    ? Result<NextFollowUpsPlanned>.Failure(new InvalidValue("days", p.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    : await planNextFollowUp.HandleAsync(actor, p.LeadNumbers, plannedAt.Value, cancellationToken);
                return Outcome(planned, intent, language, done => disciplineReplies.Planned(done, language));
            case IntegrationHealthIntent:
                return Outcome(await integrationHealth.HandleAsync(actor, cancellationToken), intent, language, states => healthReplies.States(states, language));
            case ListJobsIntent:
                return Outcome(await scheduledJobs.ListAsync(actor, cancellationToken), intent, language, jobs => jobReplies.List(jobs, language));
            case RunJobIntent r:
                return Outcome(await scheduledJobs.RunNowAsync(actor, r.Job, cancellationToken), intent, language, run => jobReplies.Changed(run, language));
            case PauseJobIntent p:
                return Outcome(await scheduledJobs.SwitchAsync(actor, p.Job, pause: true, cancellationToken), intent, language, paused => jobReplies.Changed(paused, language));
            case ResumeJobIntent r:
                return Outcome(await scheduledJobs.SwitchAsync(actor, r.Job, pause: false, cancellationToken), intent, language, resumed => jobReplies.Changed(resumed, language));
            case HelpIntent:
                return TurnOutcome.Say(HelpReply.For(language));
            case LeadHistoryIntent h:
                return Outcome(await leadHistory.HandleAsync(actor, h.LeadMention, h.Page, cancellationToken), intent, language, history => auditReplies.History(history, language));
            case VerifyAuditIntent:
                return Outcome(await verifyAudit.HandleAsync(actor, cancellationToken), intent, language, report => auditReplies.Verified(report, language));
            case RevealContactIntent r:
                return Outcome(await revealContact.HandleAsync(actor, r.LeadMention, cancellationToken), intent, language, revealed => accessReplies.Revealed(revealed, language));
            case ListPositionsIntent:
                return Outcome(await access.ListPositionsAsync(actor, cancellationToken), intent, language, positions => accessReplies.Positions(positions, language));
            case ShowPositionIntent p:
                return Outcome(await access.ShowPositionAsync(actor, p.Position, cancellationToken), intent, language, position => accessReplies.Position(position, language));
            case AddPositionIntent a:
                return Outcome(await access.AddPositionAsync(actor, a.Position, a.PositionName, a.Like, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case GrantPositionIntent g:
                return Outcome(await access.GrantPositionAsync(actor, g.Position, g.Permission, g.Scope, g.Reason, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case ListUsersIntent:
                return Outcome(await access.ListUsersAsync(actor, cancellationToken), intent, language, users => accessReplies.Users(users, language));
            case ShowUserIntent u:
                return Outcome(await access.ShowUserAsync(actor, u.UserMention, cancellationToken), intent, language, user => accessReplies.User(user, language));
            case AddUserIntent a:
                return Outcome(await access.AddUserAsync(actor, a.Login, a.DisplayName, a.Team, a.Position, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case ChangeUserIntent c:
                return Outcome(await access.ChangeUserAsync(actor, c.UserMention, c.Field, c.Value, c.Reason, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case GrantUserIntent g:
                return Outcome(await access.GrantUserAsync(actor, g.UserMention, g.Permission, g.Scope, g.Reason, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case ListTeamsIntent:
                return Outcome(await access.ListTeamsAsync(actor, cancellationToken), intent, language, teams => accessReplies.Teams(teams, language));
            case AddTeamIntent a:
                return Outcome(await access.AddTeamAsync(actor, a.Team, a.Manager, a.Region, a.TeamName, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case ChangeTeamIntent c:
                return Outcome(await access.ChangeTeamAsync(actor, c.Team, c.Field, c.Value, cancellationToken), intent, language, changed => accessReplies.Changed(changed, language));
            case CompleteReminderIntent c:
                return Outcome(await completeReminder.HandleAsync(actor, c.ReminderRef, cancellationToken), intent, language, done => reminderReplies.Completed(done, language), ReminderReplies.Refused);
            case SnoozeReminderIntent s:
                return Outcome(await snoozeReminder.HandleAsync(actor, s.ReminderRef, s.Length, cancellationToken), intent, language, snoozed => reminderReplies.Snoozed(snoozed, language), ReminderReplies.Refused);
            case ListRemindersIntent:
                return new TurnOutcome(reminderReplies.List(await listReminders.HandleAsync(actor, cancellationToken), language));
            case ShowQuietHoursIntent:
                return TurnOutcome.Say(quietHoursReplies.Show(await quietHours.ShowAsync(actor, cancellationToken), language));
            case SetQuietHoursIntent q:
                return Outcome(await quietHours.SetAsync(actor, q.Hours, q.Given, cancellationToken), intent, language, view => quietHoursReplies.Set(view, language), QuietHoursReplies.Refused);
            case DeleteLeadIntent d:
                return Outcome(await deleteLead.HandleAsync(actor, d.LeadMention, d.Reason, cancellationToken), intent, language, opened => approvalCards.Opened(opened, language), HighRiskReplies.Refused);
            case ConfirmApprovalIntent c:
                return Outcome(await confirmApproval.HandleAsync(actor, c.Code, cancellationToken), intent, language, confirmed => approvalCards.Confirmed(confirmed, language), HighRiskReplies.Refused);
            case DecideApprovalIntent d:
                return Outcome(await decideApproval.HandleAsync(actor, d.Approval, d.Approve, d.Reason, cancellationToken), intent, language, decided => approvalCards.Decided(decided, language), HighRiskReplies.Refused);
            case ListApprovalsIntent:
                return TurnOutcome.Say(approvalCards.Pending(await pendingApprovals.HandleAsync(actor, cancellationToken), language));
            case ShowRecycleBinIntent:
                return Outcome(await showRecycleBin.HandleAsync(actor, cancellationToken), intent, language, bin => highRiskReplies.Bin(bin, language), HighRiskReplies.Refused);
            case RestoreLeadsIntent r:
                return Outcome(await restoreLeads.HandleAsync(actor, r.References, cancellationToken), intent, language, restored => highRiskReplies.Restored(restored, language), HighRiskReplies.Refused);
            case PurgeLeadsIntent p:
                return Outcome(await purgeLead.HandleAsync(actor, p.LeadNumbers, p.Reason, cancellationToken), intent, language, opened => approvalCards.Opened(opened, language), HighRiskReplies.Refused);
            case BulkChangeIntent { Kind: null }:
                return Outcome(Result<BulkOutcome>.Failure(new MissingValue("kind")), intent, language, _ => ChatReply.Plain(string.Empty), HighRiskReplies.Refused);
            case BulkChangeIntent b:
                var bulk = new BulkRequest(b.Kind.Value, b.LeadNumbers, b.FromUser, b.ToUser, b.Reason);
                return Outcome(await bulkChange.HandleAsync(actor, bulk, cancellationToken), intent, language, done => highRiskReplies.Bulk(done, language), HighRiskReplies.Refused);
            case ExportLeadsIntent e:
                return Outcome(await requestExport.HandleAsync(actor, e.Scope, e.Phones, e.Reason, cancellationToken), intent, language, export => highRiskReplies.Export(export, language), HighRiskReplies.Refused);
            case ChooseMeaningIntent c:
                return TurnOutcome.Say(MeaningReplies.Choose(c, language));
            case var _ when OffboardingActions.Handles(intent):
                return await offboarding.RunAsync(actor, intent, language, cancellationToken);
            default:
                return TurnOutcome.Say(new ChatReply(
                    Say.In(language, "抱歉,我没听懂。可以这样说:「今天给王总打了电话,下周三再跟进」,或发送 /help。", "Sorry, I didn't get that. Try \"Called John at Acme, follow up next Tuesday\", or send /help."),
                    [],
                    [ReplyWriter.Button(Say.In(language, "帮助", "Help"), new HelpIntent(), language)]));
        }
    }

    /// <summary>A local date (and time) said in the chat, as a moment on the sender's clock.</summary>
    internal static DateTimeOffset? At(LocalMoment? moment, DateTimeOffset localNow, TimeOnly? timeWhenOnlyADay) =>
        moment is null ? null
        : new DateTimeOffset(moment.Date.ToDateTime(moment.Time ?? timeWhenOnlyADay ?? TimeOnly.MinValue), localNow.Offset);

    /// <summary>The start of the day <paramref name="days"/> days from the sender's today, as a typed date is kept; null when out of range.</summary>
    internal static DateTimeOffset? PlannedDay(int days, DateTimeOffset localNow) =>
        days is < 0 or > 366 ? null : new DateTimeOffset(DateOnly.FromDateTime(localNow.DateTime).AddDays(days).ToDateTime(TimeOnly.MinValue), localNow.Offset);

    // The facts answer whatever the writer does: a model that fails writes no summary, never an error.
    private async Task<string?> SummaryAsync(LeadDigestView view, string language, DateTimeOffset localNow, CancellationToken cancellationToken)
    {
        try
        {
            return await summaries.WriteAsync(SummaryReplies.ForWriter(view), language, localNow, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private TurnOutcome LeadChanged(Result<LeadChange> result, string action, Intent intent, string language) =>
        Outcome(result, intent, language, change => replies.LeadChanged(change, action, language));

    private static TurnOutcome Outcome<T>(Result<T> result, Intent intent, string language, Func<T, ChatReply> reply) =>
        result.IsSuccess
            ? TurnOutcome.Say(reply(result.Value!))
            : new TurnOutcome([ErrorReplies.For(result.Error!, intent, language)], result.Error);

    /// <summary>As above, with a feature's own words for its own refusals.</summary>
    private static TurnOutcome Outcome<T>(Result<T> result, Intent intent, string language, Func<T, ChatReply> reply, Func<CrmError, Intent, string, ChatReply> refused) =>
        result.IsSuccess
            ? TurnOutcome.Say(reply(result.Value!))
            : new TurnOutcome([refused(result.Error!, intent, language)], result.Error);

    private static ChatReply WithLinkButton(ChatReply reply, LeadSnapshot lead, string language) =>
        reply with { Actions = [.. reply.Actions, ReplyWriter.Button(Say.In(language, "关联到当前聊天", "Link this chat"), new LinkChatIntent(lead.Number), language)] };

    private static LeadList ListFor(LeadFilter filter) => filter switch
    {
        LeadFilter.Stale => LeadList.Stale,
        LeadFilter.Unclaimed => LeadList.Unclaimed,
        LeadFilter.Today => LeadList.DueToday,
        _ => LeadList.Mine,
    };
}
