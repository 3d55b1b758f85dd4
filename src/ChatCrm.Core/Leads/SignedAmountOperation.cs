using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Changes the amount of a won (signed) deal once approved. At that moment the requester must
/// still hold EditSignedAmount over the lead, and the deal must still be won at the amount the
/// approver saw; otherwise nothing changes.
/// </summary>
public sealed class SignedAmountOperation : IApprovedOperation
{
    public const string KindName = "lead.signed_amount";

    public string Kind => KindName;

    public static IReadOnlyDictionary<string, string> Parameters(Lead lead, decimal amount, string currency) => new Dictionary<string, string>
    {
        ["lead"] = lead.Number,
        ["amount"] = amount.ToString(CultureInfo.InvariantCulture),
        ["currency"] = currency,
        ["old_amount"] = lead.Amount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["old_currency"] = lead.Currency ?? string.Empty,
    };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters) =>
        new Dictionary<string, string>(parameters) { ["name"] = session.Leads.Find(parameters["lead"])?.Name ?? string.Empty };

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor)
        {
            return new NotPermitted(AuditActions.ChangeAmount, null);
        }

        if (session.Leads.Find(request.Parameter("lead")) is not { } lead || !LeadAccess.Of(session, actor.User).CanChangeAmount(lead))
        {
            return new NotPermitted(AuditActions.ChangeAmount, null);
        }

        var approvedFrom = request.Parameter("old_amount") is { Length: > 0 } old ? decimal.Parse(old, CultureInfo.InvariantCulture) : (decimal?)null;
        if (lead.Stage != LeadStage.Won || lead.Amount != approvedFrom)
        {
            return new NothingLeft(Kind);
        }

        var before = lead.ToSnapshot();
        if (lead.Value(decimal.Parse(request.Parameter("amount"), CultureInfo.InvariantCulture), request.Parameter("currency"), now) is { } refused)
        {
            return refused;
        }

        session.Leads.Update(lead);
        session.Audit.Append(AuditTrail.Entry(actor, AuditActions.ChangeAmount, now, lead.Number, before, lead.ToSnapshot(), request.Number));
        return Result<OperationDone>.Success(new OperationDone(1, new Dictionary<string, string> { ["lead"] = lead.Number }));
    }
}
