using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.RecycleBin;

/// <summary>Removes leads from the recycle bin for good, before their 30 days, once approved; the requester must still be an admin.</summary>
public sealed class PurgeLeadsOperation : IApprovedOperation
{
    public const string KindName = "lead.purge";

    public string Kind => KindName;

    public static IReadOnlyDictionary<string, string> Parameters(IReadOnlyList<string> numbers) =>
        new Dictionary<string, string> { ["leads"] = LeadBin.Join(numbers) };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters)
    {
        var numbers = LeadBin.Split(parameters["leads"]);
        return new Dictionary<string, string>
        {
            ["count"] = numbers.Count.ToString(CultureInfo.InvariantCulture),
            ["leads"] = string.Join(';', numbers.Take(LeadSample.Shown).Select(number => session.RecycleBin.Find(number) is { } binned ? $"{number} {binned.Lead.Name}" : number)),
        };
    }

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor || !Admins.Are(session, actor.User))
        {
            return new NotPermitted(AuditActions.PurgeLead, null);
        }

        var purged = 0;
        foreach (var number in LeadBin.Split(request.Parameter("leads")))
        {
            if (session.RecycleBin.Find(number) is { } binned)
            {
                session.RecycleBin.Purge(number);
                session.Audit.Append(AuditTrail.Entry(actor, AuditActions.PurgeLead, now, number, binned.Lead, null, request.Number));
                purged++;
            }
        }

        return purged == 0 ? new NothingLeft(Kind) : Result<OperationDone>.Success(new OperationDone(purged, new Dictionary<string, string>()));
    }
}
