using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary>
/// The requester types the code their request's card showed (<c>/confirm 123456</c>): proof that
/// the person at the keyboard read what will happen. Only then does the approval card go out.
/// A wrong code counts; after <see cref="ApprovalDesk.MaxWrongCodes"/> the request fails.
/// </summary>
public sealed class ConfirmApproval(ICrmStore store, TimeProvider clock)
{
    public Task<Result<ApprovalRequest>> HandleAsync(Actor actor, string? code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<ApprovalRequest>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                return new MissingValue("code");
            }

            if (!ApprovalCode.IsCode(code.Trim()))
            {
                return new InvalidValue("code", code);
            }

            var awaiting = session.Approvals.AwaitingConfirmationBy(actor.Key, 50);
            if (awaiting.Count == 0)
            {
                return new ApprovalNotFound(code);
            }

            if (awaiting.FirstOrDefault(request => ApprovalCode.Matches(request, code)) is not { } matched)
            {
                return Mistyped(session, actor, awaiting[0], now);
            }

            if (now >= matched.ExpiresAt)
            {
                var expired = matched with { State = ApprovalState.Expired, FinishedAt = now };
                session.Approvals.Save(expired);
                ApprovalDesk.Audit(session, actor, AuditActions.ExpireApproval, expired, now);
                return new ApprovalClosed(expired.Number, ApprovalState.Expired);
            }

            var confirmed = matched with { State = ApprovalState.Pending, ConfirmedAt = now };
            session.Approvals.Save(confirmed);
            ApprovalDesk.Audit(session, actor, AuditActions.ConfirmApproval, confirmed, now);
            ApprovalNotices.AskApprovers(session, confirmed, now);
            return Result<ApprovalRequest>.Success(confirmed);
        }, cancellationToken);
    }

    // The newest request takes the count: guessing a code is guessing against the one just shown.
    private static CrmError Mistyped(ICrmSession session, Actor actor, ApprovalRequest newest, DateTimeOffset now)
    {
        var wrong = newest.WrongCodes + 1;
        if (wrong < ApprovalDesk.MaxWrongCodes)
        {
            session.Approvals.Save(newest with { WrongCodes = wrong });
            return new WrongApprovalCode(newest.Number, ApprovalDesk.MaxWrongCodes - wrong);
        }

        var failed = newest with { WrongCodes = wrong, State = ApprovalState.Failed, FinishedAt = now, Outcome = new Dictionary<string, string> { ["error"] = "wrong_codes" } };
        session.Approvals.Save(failed);
        ApprovalDesk.Audit(session, actor, AuditActions.FailApproved, failed, now, "wrong_codes");
        return new WrongApprovalCode(newest.Number, 0);
    }
}
