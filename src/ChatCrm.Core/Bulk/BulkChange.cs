using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Bulk;

/// <summary>
/// Changes many leads at once (<c>/bulk transfer|return|delete …</c>). Each selected lead must be
/// within the person's rights for the act, or nothing happens. Up to <see cref="RunsAtOnce"/>
/// transfers or returns run at once; more need a second person's approval, and a delete always
/// does (it goes to the recycle bin, never away).
/// </summary>
public sealed class BulkChange(
    ICrmStore store,
    TimeProvider clock,
    BulkTransferOperation transfers,
    BulkReturnOperation returns,
    DeleteLeadsOperation deletes)
{
    public const int RunsAtOnce = 20;

    // A person's leads, open and closed, fit in one query well beyond any real book of business.
    private const int MostLeads = 100_000;

    public Task<Result<BulkOutcome>> HandleAsync(Actor actor, BulkRequest bulk, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session => Apply(session, actor, bulk, now), cancellationToken);
    }

    private Result<BulkOutcome> Apply(ICrmSession session, Actor actor, BulkRequest bulk, DateTimeOffset now)
    {
        if (InboundDedupe.Record(session, actor, now) is { } seen)
        {
            return seen;
        }

        var rights = LeadAccess.Of(session, actor.User);
        if (!rights.Has(PermissionFor(bulk.Kind)))
        {
            return new NotPermitted(ActFor(bulk.Kind), null);
        }

        User? from = null;
        if (bulk.LeadNumbers.Count == 0)
        {
            if (string.IsNullOrWhiteSpace(bulk.FromUser))
            {
                return new MissingValue("from_user");
            }

            if ((from = UserMentions.Find(session, bulk.FromUser)) is null)
            {
                return new UserNotFound(bulk.FromUser);
            }
        }

        User? target = null;
        if (bulk.Kind == BulkKind.Transfer)
        {
            if (string.IsNullOrWhiteSpace(bulk.ToUser))
            {
                return new MissingValue("to_user");
            }

            if ((target = UserMentions.Find(session, bulk.ToUser)) is null || !LeadOwnership.CanTake(session, target))
            {
                return new UserNotFound(bulk.ToUser);
            }
        }

        var selected = Select(session, bulk, from);
        if (selected.Count == 0)
        {
            return new NoLeadsSelected(bulk.Kind);
        }

        // A number that does not exist counts as refused, like one out of reach: nothing tells them apart.
        var refused = selected.Count(lead => lead is null || !Covers(rights, bulk.Kind, lead));
        if (refused > 0)
        {
            return new BulkNotPermitted(bulk.Kind, refused, selected.Count);
        }

        var leads = selected.Select(lead => lead!).ToList();
        var numbers = leads.Select(lead => lead.Number).ToList();
        if (bulk.Kind == BulkKind.Delete || numbers.Count > RunsAtOnce)
        {
            var opened = bulk.Kind switch
            {
                BulkKind.Transfer => ApprovalDesk.Open(session, actor, transfers, BulkTransferOperation.Parameters(numbers, from?.Key, target!.Key), bulk.Reason, now),
                BulkKind.Return => ApprovalDesk.Open(session, actor, returns, BulkReturnOperation.Parameters(numbers, from?.Key), bulk.Reason, now),
                _ => ApprovalDesk.Open(session, actor, deletes, DeleteLeadsOperation.Parameters(numbers), bulk.Reason, now),
            };
            return opened.Value is { } approval
                ? Result<BulkOutcome>.Success(new BulkOutcome(bulk.Kind, numbers.Count, target?.Key, approval))
                : opened.Error!;
        }

        var changed = 0;
        foreach (var lead in leads)
        {
            if (bulk.Kind == BulkKind.Transfer ? BulkSteps.Transfer(session, actor, rights, lead, target!, from?.Key, now) : BulkSteps.Return(session, actor, rights, lead, from?.Key, now))
            {
                changed++;
                // At most twenty: the receiver hears of each, as with a single transfer.
                if (target is not null && target.Key != actor.Key)
                {
                    Notices.LeadTransferredTo(session, target.Key, lead, actor.Key, now);
                }
            }
        }

        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.BulkChange, now, null, null, null, $"{bulk.Kind.ToString().ToLowerInvariant()} {changed}"));
        return Result<BulkOutcome>.Success(new BulkOutcome(bulk.Kind, changed, target?.Key, null));
    }

    /// <summary>The selected leads; null where a listed number names no lead.</summary>
    private static List<Lead?> Select(ICrmSession session, BulkRequest bulk, User? from) =>
        from is not null
            ? [.. session.Leads.List(new LeadQuery { OwnerKey = from.Key, IncludeClosed = bulk.Kind == BulkKind.Delete, Limit = MostLeads })]
            : [.. bulk.LeadNumbers.Select(number => number.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Select(session.Leads.Find)];

    private static bool Covers(AccessRights rights, BulkKind kind, Lead lead) =>
        rights.CanSee(lead) && kind switch
        {
            BulkKind.Transfer => rights.CanTransfer(lead),
            BulkKind.Return => rights.CanWork(lead) && lead.OwnerKey is not null,
            _ => rights.CanDelete(lead),
        };

    private static Permission PermissionFor(BulkKind kind) => kind switch
    {
        BulkKind.Transfer => Permission.Transfer,
        BulkKind.Return => Permission.Edit,
        _ => Permission.Delete,
    };

    private static string ActFor(BulkKind kind) => kind switch
    {
        BulkKind.Transfer => AuditActions.TransferLead,
        BulkKind.Return => AuditActions.ReturnLead,
        _ => AuditActions.DeleteLead,
    };
}
