using ChatCrm.Core.Access;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Audit;

/// <summary>
/// Reverts a change its author made a few minutes ago (<see cref="CrmSettings.UndoWindow"/>):
/// the one named by its audit id (the Undo button), or the latest in this conversation ("撤销").
/// Refused when the lead has changed since, so an undo never overwrites someone else's work.
/// </summary>
public sealed class UndoChange(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public Task<Result<ChangeUndone>> HandleAsync(Actor actor, Guid? auditId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ChangeUndone>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            var original = auditId is { } id
                ? session.Audit.Find(id)
                : session.Audit.RecentBy(actor.Key, actor.ConversationKey, now - settings.UndoWindow, 20)
                    .FirstOrDefault(entry => entry.Action != AuditActions.Undo && entry.UndoneBy is null);
            // A decline hands the lead to the next salesperson at once: it cannot be taken back.
            if (original is null || original.ActorKey != actor.Key || original.Action is AuditActions.Undo or AuditActions.DeclineOffer)
            {
                return new CannotUndo("nothing");
            }

            // Reminders, quiet hours and scheduled jobs change no lead: the next button or command changes them back.
            if (original.Action is AuditActions.CompleteReminder or AuditActions.SnoozeReminder or AuditActions.SetQuietHours
                or AuditActions.RunJob or AuditActions.PauseJob or AuditActions.ResumeJob)
            {
                return new CannotUndo("nothing");
            }

            // Approvals, bin moves and exports are undone by their own commands (/admin restore), never by "undo".
            if (original.Action.StartsWith("approval.", StringComparison.Ordinal) || original.Action.StartsWith("export.", StringComparison.Ordinal)
                || original.Action is AuditActions.DeleteLead or AuditActions.RestoreLead or AuditActions.PurgeLead or AuditActions.BulkChange)
            {
                return new CannotUndo("nothing");
            }

            // Offboarding and partner keys are undone by their own commands (/admin reactivate, a new key).
            if (original.Action is AuditActions.DeactivateUser or AuditActions.ReactivateUser or AuditActions.OffboardLead
                or AuditActions.AddPartnerKey or AuditActions.RevokePartnerKey)
            {
                return new CannotUndo("nothing");
            }

            if (original.UndoneBy is not null)
            {
                return new CannotUndo("already");
            }

            if (now - original.At > settings.UndoWindow)
            {
                return new CannotUndo("expired");
            }

            var lead = original.LeadNumber is null ? null : session.Leads.Find(original.LeadNumber);
            if (original.After is { } after && (lead is null || lead.Version != after.Version))
            {
                return new CannotUndo("changed");
            }

            var restored = Revert(session, original, lead, now);
            var undo = AuditTrail.Entry(actor, AuditActions.Undo, now, original.LeadNumber, lead?.ToSnapshot(), restored, original.Id.ToString());
            session.Audit.Append(undo);
            session.Audit.MarkUndone(original.Id, undo.Id);
            return Result<ChangeUndone>.Success(new ChangeUndone(original, undo));
        }, cancellationToken);
    }

    private static LeadSnapshot? Revert(ICrmSession session, AuditEntry original, Lead? lead, DateTimeOffset now)
    {
        switch (original.Action)
        {
            case AuditActions.CreateLead:
                session.Leads.Delete(original.LeadNumber!);
                return null;
            case AuditActions.SetReminder:
                var reminder = session.Reminders.Find(Guid.Parse(original.Detail!));
                if (reminder is { State: ReminderState.Pending })
                {
                    session.Reminders.Update(reminder with { State = ReminderState.Cancelled });
                }

                return null;
            case AuditActions.LinkChat:
                var conversation = original.ConversationKey!;
                if (original.Detail is { } previous)
                {
                    session.Conversations.SaveLink(new ConversationLink(conversation, previous, original.ActorKey, now));
                }
                else
                {
                    session.Conversations.RemoveLink(conversation);
                }

                return null;
            case AuditActions.LogFollowUp:
                session.FollowUps.Delete(Guid.Parse(original.Detail!));
                return RestoreLead(session, original, lead!, now);
            default:
                return RestoreLead(session, original, lead!, now);
        }
    }

    private static LeadSnapshot RestoreLead(ICrmSession session, AuditEntry original, Lead current, DateTimeOffset now)
    {
        var restored = original.Before! with { Version = current.Version + 1, UpdatedAt = now };
        session.Leads.Update(Lead.FromSnapshot(restored));
        return restored;
    }
}
