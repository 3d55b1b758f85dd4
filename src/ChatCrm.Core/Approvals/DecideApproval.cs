using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary>
/// An approver approves or rejects a confirmed request (the buttons on the approval card, or
/// <c>/approve A-… [reason]</c> and <c>/reject A-… reason</c>). A rejection needs a reason. On
/// approval the operation runs in the same unit of work, re-checked at this moment; the
/// requester is told the outcome. A second press finds the request closed and does nothing.
/// </summary>
public sealed class DecideApproval(ICrmStore store, TimeProvider clock, IEnumerable<IApprovedOperation> operations)
{
    private readonly Dictionary<string, IApprovedOperation> _operations = operations.ToDictionary(operation => operation.Kind, StringComparer.Ordinal);

    public Task<Result<ApprovalRequest>> HandleAsync(Actor actor, string? number, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ApprovalRequest>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (string.IsNullOrWhiteSpace(number))
            {
                return new MissingValue("approval");
            }

            var request = session.Approvals.Find(number.Trim().ToUpperInvariant());
            // Someone who may not decide it learns nothing about it, not even that it exists.
            if (request is null || !request.ApproverKeys.Contains(actor.Key) || !actor.User.IsActive || request.State == ApprovalState.AwaitingConfirmation)
            {
                return new ApprovalNotFound(number);
            }

            if (request.State != ApprovalState.Pending)
            {
                return new ApprovalClosed(request.Number, request.State);
            }

            if (now >= request.ExpiresAt)
            {
                var expired = request with { State = ApprovalState.Expired, FinishedAt = now };
                session.Approvals.Save(expired);
                ApprovalDesk.Audit(session, actor, AuditActions.ExpireApproval, expired, now);
                ApprovalNotices.TellRequester(session, expired, now);
                return new ApprovalClosed(request.Number, ApprovalState.Expired);
            }

            var said = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            if (!approve)
            {
                if (said is null)
                {
                    return new MissingValue("reason");
                }

                var rejected = request with { State = ApprovalState.Rejected, DeciderKey = actor.Key, DecidedAt = now, DecisionReason = said, FinishedAt = now };
                session.Approvals.Save(rejected);
                ApprovalDesk.Audit(session, actor, AuditActions.RejectRequest, rejected, now, said);
                ApprovalNotices.TellRequester(session, rejected, now);
                return Result<ApprovalRequest>.Success(rejected);
            }

            var approved = request with { State = ApprovalState.Approved, DeciderKey = actor.Key, DecidedAt = now, DecisionReason = said };
            ApprovalDesk.Audit(session, actor, AuditActions.ApproveRequest, approved, now, said);
            var finished = Run(session, approved, now);
            session.Approvals.Save(finished);
            ApprovalDesk.Audit(session, ApprovalDesk.System, finished.State == ApprovalState.Done ? AuditActions.RunApproved : AuditActions.FailApproved, finished, now,
                finished.Outcome is { } outcome ? string.Join(' ', outcome.Select(pair => $"{pair.Key}={pair.Value}")) : null);
            ApprovalNotices.TellRequester(session, finished, now);
            return Result<ApprovalRequest>.Success(finished);
        }, cancellationToken);
    }

    private ApprovalRequest Run(ICrmSession session, ApprovalRequest approved, DateTimeOffset now)
    {
        if (!_operations.TryGetValue(approved.Kind, out var operation))
        {
            return approved with { State = ApprovalState.Failed, FinishedAt = now, Outcome = new Dictionary<string, string> { ["error"] = "unknown_kind" } };
        }

        var result = operation.Execute(session, approved, now);
        return result.Value is { } done
            ? approved with { State = ApprovalState.Done, FinishedAt = now, Outcome = new Dictionary<string, string>(done.Details) { ["count"] = done.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) } }
            : approved with { State = ApprovalState.Failed, FinishedAt = now, Outcome = new Dictionary<string, string> { ["error"] = result.Error!.Code } };
    }
}
