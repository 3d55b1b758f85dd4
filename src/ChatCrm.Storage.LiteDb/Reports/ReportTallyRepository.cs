using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reports;

internal sealed class ReportTallyRepository(SessionScope scope, ILiteCollection<BsonDocument> tallies, TallyRules rules) : IReportTallies
{
    // The store keeps the tallies under its own rules; counted under others they count other leads.
    public string? CountedUnder() => scope.Read(() => tallies.FindById(ReportTallyDocuments.StatusId)) is { } status
        && status[ReportTallyDocuments.Fingerprint].AsString == rules.Fingerprint
            ? rules.Fingerprint
            : null;

    public IReadOnlyList<DayTally> Days(IReadOnlyCollection<string>? teamKeys, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return [];
        }

        var first = TallyRules.DayKey(from);
        var last = TallyRules.DayKey(to);
        if (teamKeys is null)
        {
            return scope.Read(() => tallies.Find(Query.Between(ReportTallyDocuments.Day, first, last)).Select(ReportTallyDocuments.ToDay).ToList());
        }

        return scope.Read(() => teamKeys.Distinct(StringComparer.Ordinal).SelectMany(team => tallies
            .Find(Query.Between("_id", ReportTallyDocuments.DayId(team, from), ReportTallyDocuments.DayId(team, to)))
            .Select(ReportTallyDocuments.ToDay)
            // A team key holding "|" could reach into another team's ids; the page says whose it is.
            .Where(page => page.Team == team))
            .ToList());
    }

    public IReadOnlyList<StageTally> Stages(IReadOnlyCollection<string>? teamKeys) => scope.Read(() => teamKeys is null
        ? tallies.Find(Query.StartsWith("_id", "s|")).Select(ReportTallyDocuments.ToStages).ToList()
        : teamKeys.Distinct(StringComparer.Ordinal)
            .Select(team => tallies.FindById(ReportTallyDocuments.StagesId(team)))
            .OfType<BsonDocument>()
            .Select(ReportTallyDocuments.ToStages)
            .ToList());

    public void Replace(IEnumerable<DayTally> days, IEnumerable<StageTally> stages, string fingerprint) => scope.Write(() =>
    {
        tallies.DeleteAll();
        tallies.InsertBulk(days.Where(page => !page.IsEmpty).Select(ReportTallyDocuments.ToDocument)
            .Concat(stages.Where(page => !page.IsEmpty).Select(ReportTallyDocuments.ToDocument)));
        tallies.Insert(new BsonDocument { ["_id"] = ReportTallyDocuments.StatusId, [ReportTallyDocuments.Fingerprint] = fingerprint });
    });
}
