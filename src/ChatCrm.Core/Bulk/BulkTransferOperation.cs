using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Bulk;

/// <summary>
/// Hands more than <see cref="BulkChange.RunsAtOnce"/> leads to one person once approved. At that
/// moment the requester must still hold Transfer over each lead, the lead must still be the
/// named owner's (when the request named one), and the receiver must still take leads.
/// </summary>
public sealed class BulkTransferOperation : IApprovedOperation
{
    public const string KindName = "bulk.transfer";

    public string Kind => KindName;

    public static IReadOnlyDictionary<string, string> Parameters(IReadOnlyList<string> numbers, string? fromKey, string toKey) =>
        new Dictionary<string, string> { ["leads"] = LeadBin.Join(numbers), ["from"] = fromKey ?? string.Empty, ["to"] = toKey };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters) =>
        new Dictionary<string, string>(LeadSample.Describe(session, LeadBin.Split(parameters["leads"]))) { ["from"] = parameters["from"], ["to"] = parameters["to"] };

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor || !LeadAccess.Of(session, actor.User).Has(Permission.Transfer))
        {
            return new NotPermitted(AuditActions.TransferLead, null);
        }

        if (session.People.FindUser(request.Parameter("to")) is not { } target || !LeadOwnership.CanTake(session, target))
        {
            return new UserNotFound(request.Parameter("to"));
        }

        var rights = LeadAccess.Of(session, actor.User);
        var from = request.Parameter("from") is { Length: > 0 } fromKey ? fromKey : null;
        var numbers = LeadBin.Split(request.Parameter("leads"));
        var moved = numbers.Count(number => session.Leads.Find(number) is { } lead && BulkSteps.Transfer(session, actor, rights, lead, target, from, now));
        return moved == 0
            ? new NothingLeft(Kind)
            : Result<OperationDone>.Success(new OperationDone(moved, new Dictionary<string, string> { ["skipped"] = (numbers.Count - moved).ToString(CultureInfo.InvariantCulture), ["to"] = target.Key }));
    }
}
