using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Partners;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Offboarding;

/// <summary>
/// The offboarding fuse (<c>/admin deactivate</c>, or the HR webhook): in one store transaction the
/// person is deactivated (from its commit on they can do nothing anywhere), their partner API keys
/// are revoked, intake sources they added are switched off with a new secret, their pending
/// reminders cancelled, offers made to them withdrawn (the engine offers the next candidate at
/// once), and their open leads moved to their team's manager or back to the pool, each move
/// audited; the manager is told. Reactivation restores access, not the leads.
/// </summary>
public sealed class OffboardUser(ICrmStore store, TimeProvider clock, CrmSettings settings, AssignmentPolicy policy, OffboardingSettings offboarding)
{
    /// <summary>Who acts when HR's system offboards someone: audit entries name it.</summary>
    public static readonly Actor HumanResources = new(new User("hr", "HR 系统 HR system", Role.Admin, null, []), "hr", null);

    // A person's open leads and offers, read in the transaction; far above any real book of business.
    private const int MaxLeads = 100_000;

    /// <param name="destinationWord">"manager" or "pool"; null for the install's default.</param>
    public Task<Result<Offboarded>> DeactivateAsync(Actor actor, string? userMention, string? destinationWord, CancellationToken cancellationToken) =>
        RunAsync(actor, userMention, destinationWord, fromHr: false, cancellationToken);

    /// <summary>HR's system offboards someone by login. A retry finds them offboarded and changes nothing.</summary>
    public Task<Result<Offboarded>> DeactivateFromHrAsync(string? login, string? destinationWord, CancellationToken cancellationToken) =>
        RunAsync(HumanResources, login, destinationWord, fromHr: true, cancellationToken);

    public Task<Result<Reactivated>> ReactivateAsync(Actor actor, string? userMention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<Reactivated>>(session =>
        {
            if (!Admins.Are(session, actor.User))
            {
                return new NotPermitted(AuditActions.ReactivateUser, null);
            }

            if (string.IsNullOrWhiteSpace(userMention))
            {
                return new MissingValue("user");
            }

            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (UserMentions.Find(session, userMention) is not { } user)
            {
                return new UserNotFound(userMention);
            }

            if (user.IsActive)
            {
                return new NoChange(user.Key);
            }

            session.People.Save(user with { DeactivatedAt = null });
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.ReactivateUser, now, null, null, null, $"user:{user.Key} deactivated since {user.DeactivatedAt:O}"));
            return Result<Reactivated>.Success(new Reactivated(user.Key, user.DisplayName));
        }, cancellationToken);
    }

    private Task<Result<Offboarded>> RunAsync(Actor actor, string? userMention, string? destinationWord, bool fromHr, CancellationToken cancellationToken)
    {
        var destination = destinationWord is null ? offboarding.DefaultLeads : OffboardingSettings.Parse(destinationWord);
        return store.WriteAsync<Result<Offboarded>>(session =>
        {
            var context = AssignmentContext.At(clock, settings, policy);
            if (!fromHr && !Admins.Are(session, actor.User))
            {
                return new NotPermitted(AuditActions.DeactivateUser, null);
            }

            if (string.IsNullOrWhiteSpace(userMention))
            {
                return new MissingValue("user");
            }

            if (destination is not { } to)
            {
                return new InvalidValue("leads", destinationWord);
            }

            if (InboundDedupe.Record(session, actor, context.Now) is { } seen)
            {
                return seen;
            }

            // HR names people by login only: a display name could match a namesake.
            var user = fromHr ? session.People.FindUser(userMention.Trim().ToLowerInvariant()) : UserMentions.Find(session, userMention);
            if (user is null)
            {
                return new UserNotFound(userMention);
            }

            if (!user.IsActive)
            {
                return fromHr
                    ? Result<Offboarded>.Success(new Offboarded(user.Key, user.DisplayName, to, null, 0, 0, 0, 0, 0, 0, user.DeactivatedAt!.Value, AlreadyDeactivated: true))
                    : new NoChange(user.Key);
            }

            if (user.Key == actor.Key)
            {
                return new CannotOffboardSelf(user.Key);
            }

            if (Admins.Are(session, user) && Admins.All(session).Count <= 1)
            {
                return new LastAdmin(user.Key);
            }

            return Result<Offboarded>.Success(Offboard(session, actor, user, to, context));
        }, cancellationToken);
    }

    private static Offboarded Offboard(ICrmSession session, Actor actor, User user, LeadDestination wanted, AssignmentContext context)
    {
        var now = context.Now;
        // First, so nothing below (the engine's next offer, above all) can pick them.
        session.People.Save(user with { DeactivatedAt = now });

        var keys = session.PartnerKeys.OwnedBy(user.Key).Where(key => !key.IsRevoked).ToList();
        foreach (var key in keys)
        {
            ManagePartnerKeys.Revoke(session, actor, key, now);
        }

        var sources = SwitchOffSources(session, actor, user, now);
        var reminders = session.Reminders.PendingFor(user.Key, MaxLeads);
        foreach (var reminder in reminders)
        {
            session.Reminders.Update(reminder with { State = ReminderState.Cancelled });
        }

        var offers = session.Leads.List(new LeadQuery { AssigneeKey = user.Key, Unowned = true, Limit = MaxLeads, IncludeClosed = true });
        foreach (var lead in offers)
        {
            Change(session, actor, lead, AuditActions.WithdrawOffer, now, $"offboarding {user.Key}", lead.WithdrawOffer);
            AssignmentFlow.Withdrawn(session, lead, user.Key, context);
        }

        var manager = ManagerOf(session, user);
        var destination = wanted == LeadDestination.Manager && manager is not null ? LeadDestination.Manager : LeadDestination.Pool;
        var owned = session.Leads.List(new LeadQuery { OwnerKey = user.Key, Limit = MaxLeads });
        foreach (var lead in owned)
        {
            if (destination == LeadDestination.Manager)
            {
                Change(session, actor, lead, AuditActions.OffboardLead, now, $"{user.Key} -> manager:{manager!.Key}", at => lead.TransferTo(manager, at));
            }
            else
            {
                Change(session, actor, lead, AuditActions.OffboardLead, now, $"{user.Key} -> pool", lead.ReturnToPool);
            }
        }

        var toManager = destination == LeadDestination.Manager ? owned.Count : 0;
        var told = manager ?? TeamManager(session, user);
        var done = new Offboarded(
            user.Key, user.DisplayName, destination, told?.Key, toManager, owned.Count - toManager, offers.Count, reminders.Count, keys.Count, sources, now,
            TeamsManaged: [.. session.People.AllTeams().Where(team => team.ManagerKey == user.Key).Select(team => team.Key)]);
        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.DeactivateUser, now, null, null, null,
            $"user:{user.Key} leads={owned.Count}->{destination.ToString().ToLowerInvariant()} offers={offers.Count} reminders={reminders.Count} keys={keys.Count} sources={sources}"));

        IEnumerable<string> recipients = told is not null ? [told.Key] : Admins.All(session).Select(admin => admin.Key);
        foreach (var recipient in recipients.Where(key => key != actor.Key && key != user.Key))
        {
            Notices.UserWasOffboarded(session, recipient, done, now);
        }

        return done;
    }

    private static int SwitchOffSources(ICrmSession session, Actor actor, User user, DateTimeOffset now)
    {
        var count = 0;
        foreach (var source in session.Intake.AllSources().Where(source => source.OwnerKey == user.Key))
        {
            // The secret changes even for a source that was off: whoever held it must not switch it back on through someone else.
            source.Switch(false, now);
            source.RotateSecret(IntakeSource.NewSecret(), now);
            session.Intake.SaveSource(source);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.SwitchIntakeSource, now, null, null, null, $"{source.Key} off (owner {user.Key} offboarded; secret rotated)"));
            count++;
        }

        return count;
    }

    /// <summary>The manager of their team, when that is someone else who can take leads.</summary>
    private static User? ManagerOf(ICrmSession session, User user) =>
        TeamManager(session, user) is { } manager && LeadOwnership.CanTake(session, manager) ? manager : null;

    private static User? TeamManager(ICrmSession session, User user) =>
        user.TeamKey is { } team && session.People.FindTeam(team)?.ManagerKey is { } key && key != user.Key
        && session.People.FindUser(key) is { IsActive: true } manager
            ? manager
            : null;

    private static void Change(ICrmSession session, Actor actor, Lead lead, string action, DateTimeOffset now, string detail, Func<DateTimeOffset, CrmError?> change)
    {
        var before = lead.ToSnapshot();
        if (change(now) is not null)
        {
            return;
        }

        session.Leads.Update(lead);
        session.Audit.Append(AuditTrail.Entry(actor, action, now, lead.Number, before, lead.ToSnapshot(), detail));
    }
}
