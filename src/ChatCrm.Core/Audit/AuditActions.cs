namespace ChatCrm.Core.Audit;

/// <summary>The names of audited acts, as stored in <see cref="AuditEntry.Action"/>.</summary>
public static class AuditActions
{
    public const string CreateLead = "lead.create";
    public const string ClaimLead = "lead.claim";
    public const string ReturnLead = "lead.return";
    public const string TransferLead = "lead.transfer";
    public const string OfferLead = "lead.offer";
    public const string ChangeStage = "lead.stage";
    public const string ChangeAmount = "lead.amount";
    public const string LogFollowUp = "followup.log";
    public const string SetReminder = "reminder.set";
    public const string LinkChat = "chat.link";
    public const string Undo = "undo";
    public const string ReplayMessage = "outbox.replay";
    public const string LinkIdentity = "user.link_identity";
    public const string ContactAdded = "contact.add";
    public const string ContactRemoved = "contact.remove";
    public const string UnlinkIdentity = "user.unlink_identity";
    public const string DeclineOffer = "lead.decline";
    public const string WithdrawOffer = "lead.offer_withdraw";
    public const string RouteLead = "lead.route";
    public const string ApplyAssignmentRules = "assignment.rules";
    public const string TouchLead = "lead.touch";
    public const string AddIntakeSource = "intake.source.add";
    public const string ConfigureIntakeSource = "intake.source.configure";
    public const string RotateIntakeSecret = "intake.source.secret";
    public const string SwitchIntakeSource = "intake.source.switch";
    public const string CompleteReminder = "reminder.done";
    public const string SnoozeReminder = "reminder.snooze";
    public const string SetQuietHours = "user.quiet_hours";
    public const string PlanFollowUp = "lead.plan_followup";
    public const string RunJob = "job.run";
    public const string PauseJob = "job.pause";
    public const string ResumeJob = "job.resume";
    public const string AddPosition = "position.add";
    public const string GrantPosition = "position.grant";
    public const string AddUser = "user.add";
    public const string ChangeUser = "user.change";
    public const string GrantUser = "user.grant";
    public const string AddTeam = "team.add";
    public const string ChangeTeam = "team.change";
    public const string RevealContact = "lead.reveal";
    public const string DeactivateUser = "user.deactivate";
    public const string ReactivateUser = "user.reactivate";
    public const string OffboardLead = "lead.offboard";
    public const string AddPartnerKey = "partner.key.add";
    public const string RevokePartnerKey = "partner.key.revoke";
}
