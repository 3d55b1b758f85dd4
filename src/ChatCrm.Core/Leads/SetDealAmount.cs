using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>What asking to set a deal's amount did: changed an open deal at once, or opened an approval for a won one.</summary>
public sealed record DealAmountSet(LeadChange? Change, ApprovalOpened? Approval);

/// <summary>
/// Sets what a deal is worth, as the chat asks (<c>/amount L-… 50万 [reason]</c>, "金额改成50万"):
/// an open deal changes at once (<see cref="ChangeAmount"/>); a won deal's amount is signed, so
/// changing it needs EditSignedAmount, a reason and a second person's approval.
/// </summary>
public sealed class SetDealAmount(ICrmStore store, TimeProvider clock, ChangeAmount changeAmount, SignedAmountOperation operation)
{
    private static readonly string[] Currencies = ["CNY", "USD"];

    public async Task<Result<DealAmountSet>> HandleAsync(Actor actor, string? mention, decimal? amount, string? currency, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var code = (currency ?? "CNY").ToUpperInvariant();
        var signed = amount is { } value && Currencies.Contains(code)
            ? await store.WriteAsync(session => AskIfSigned(session, actor, mention, value, code, reason, now), cancellationToken)
            : null;
        if (signed is not null)
        {
            return signed.Value is { } opened ? Result<DealAmountSet>.Success(new DealAmountSet(null, opened)) : signed.Error!;
        }

        var changed = await changeAmount.HandleAsync(actor, mention, amount, currency, cancellationToken);
        return changed.Value is { } change ? Result<DealAmountSet>.Success(new DealAmountSet(change, null)) : changed.Error!;
    }

    /// <summary>An approval request when the lead is a won deal; null to change it the ordinary way.</summary>
    private Result<ApprovalOpened>? AskIfSigned(ICrmSession session, Actor actor, string? mention, decimal amount, string currency, string? reason, DateTimeOffset now)
    {
        if (LeadResolver.Resolve(session, actor, mention).Value is not { Stage: LeadStage.Won } lead)
        {
            return null;
        }

        if (InboundDedupe.Record(session, actor, now) is { } seen)
        {
            return seen;
        }

        if (!LeadAccess.Of(session, actor.User).CanChangeAmount(lead))
        {
            return new NotPermitted(AuditActions.ChangeAmount, lead.Number);
        }

        if (lead.Amount == amount && lead.Currency == currency)
        {
            return new NoChange(lead.Number);
        }

        return ApprovalDesk.Open(session, actor, operation, SignedAmountOperation.Parameters(lead, amount, currency), reason, now);
    }
}
