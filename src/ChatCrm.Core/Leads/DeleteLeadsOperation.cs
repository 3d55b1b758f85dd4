using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Moves leads to the recycle bin once approved. At that moment the requester must still hold
/// Delete over each lead; leads gone or out of their reach since are skipped.
/// </summary>
public sealed class DeleteLeadsOperation : IApprovedOperation
{
    public const string KindName = "lead.delete";

    public string Kind => KindName;

    public static IReadOnlyDictionary<string, string> Parameters(IReadOnlyList<string> numbers) =>
        new Dictionary<string, string> { ["leads"] = LeadBin.Join(numbers) };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters) =>
        LeadSample.Describe(session, LeadBin.Split(parameters["leads"]));

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor || !LeadAccess.Of(session, actor.User).Has(Permission.Delete))
        {
            return new NotPermitted(AuditActions.DeleteLead, null);
        }

        var rights = LeadAccess.Of(session, actor.User);
        var numbers = LeadBin.Split(request.Parameter("leads"));
        var deleted = 0;
        foreach (var number in numbers)
        {
            if (session.Leads.Find(number) is { } lead && BulkSteps.Delete(session, actor, rights, lead, request.Reason, request.Number, now))
            {
                deleted++;
            }
        }

        return deleted == 0
            ? new NothingLeft(Kind)
            : Result<OperationDone>.Success(new OperationDone(deleted, new Dictionary<string, string> { ["skipped"] = (numbers.Count - deleted).ToString(CultureInfo.InvariantCulture) }));
    }
}
