using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Bulk;

/// <summary>
/// Puts more than <see cref="BulkChange.RunsAtOnce"/> leads back in their pools once approved,
/// re-checking each lead (still owned, by the named owner when one was named, still in reach).
/// </summary>
public sealed class BulkReturnOperation : IApprovedOperation
{
    public const string KindName = "bulk.return";

    public string Kind => KindName;

    public static IReadOnlyDictionary<string, string> Parameters(IReadOnlyList<string> numbers, string? fromKey) =>
        new Dictionary<string, string> { ["leads"] = LeadBin.Join(numbers), ["from"] = fromKey ?? string.Empty };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters) =>
        new Dictionary<string, string>(LeadSample.Describe(session, LeadBin.Split(parameters["leads"]))) { ["from"] = parameters["from"] };

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor || !LeadAccess.Of(session, actor.User).Has(Permission.Edit))
        {
            return new NotPermitted(AuditActions.ReturnLead, null);
        }

        var rights = LeadAccess.Of(session, actor.User);
        var from = request.Parameter("from") is { Length: > 0 } fromKey ? fromKey : null;
        var numbers = LeadBin.Split(request.Parameter("leads"));
        var returned = numbers.Count(number => session.Leads.Find(number) is { } lead && BulkSteps.Return(session, actor, rights, lead, from, now));
        return returned == 0
            ? new NothingLeft(Kind)
            : Result<OperationDone>.Success(new OperationDone(returned, new Dictionary<string, string> { ["skipped"] = (numbers.Count - returned).ToString(CultureInfo.InvariantCulture) }));
    }
}
