using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>Sets what the deal is worth, in whole units of CNY or USD. A won deal's amount is signed: it changes only through an approval (<see cref="SetDealAmount"/>).</summary>
public sealed class ChangeAmount(ICrmStore store, TimeProvider clock)
{
    private static readonly string[] Currencies = ["CNY", "USD"];

    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, decimal? amount, string? currency, CancellationToken cancellationToken)
    {
        if (amount is not { } value)
        {
            return Task.FromResult<Result<LeadChange>>(new MissingValue("amount"));
        }

        var code = (currency ?? "CNY").ToUpperInvariant();
        if (!Currencies.Contains(code))
        {
            return Task.FromResult<Result<LeadChange>>(new InvalidValue("currency", currency));
        }

        var now = clock.GetUtcNow();
        return LeadEdit.RunAsync(store, actor, mention, AuditActions.ChangeAmount, (rights, lead) => rights.CanChangeAmount(lead), now,
            (_, lead) => lead.Stage == LeadStage.Won ? new Approvals.NeedsApproval(AuditActions.ChangeAmount, lead.Number) : lead.Value(value, code, now), cancellationToken);
    }
}
