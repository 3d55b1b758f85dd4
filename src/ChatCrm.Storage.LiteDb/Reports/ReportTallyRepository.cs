using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reports;

internal sealed class ReportTallyRepository(SessionScope scope, ILiteCollection<BsonDocument> tallies, TallyRules rules) : IReportTallies
{
    // The store keeps the tallies under its own rules; counted under others they count other leads.
    public string? CountedUnder()
    {
        WritePending();
        return scope.Read(() => tallies.FindById(ReportTallyDocuments.StatusId)) is { } status
            && status[ReportTallyDocuments.Fingerprint].AsString == rules.Fingerprint
                ? rules.Fingerprint
                : null;
    }

    public IReadOnlyList<DayTally> Days(IReadOnlyCollection<string>? teamKeys, DateOnly from, DateOnly to)
    {
        WritePending();
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

    public IReadOnlyList<DayTally> Months(IReadOnlyCollection<string>? teamKeys, DateOnly from, DateOnly to)
    {
        WritePending();
        if (to < from)
        {
            return [];
        }

        var first = TallyRules.MonthKey(from);
        var last = TallyRules.MonthKey(to);
        if (teamKeys is null)
        {
            return scope.Read(() => tallies.Find(Query.Between(ReportTallyDocuments.Month, first, last)).Select(ReportTallyDocuments.ToMonth).ToList());
        }

        return scope.Read(() => teamKeys.Distinct(StringComparer.Ordinal).SelectMany(team => tallies
            .Find(Query.Between("_id", ReportTallyDocuments.MonthId(team, from), ReportTallyDocuments.MonthId(team, to)))
            .Select(ReportTallyDocuments.ToMonth)
            .Where(page => page.Team == team))
            .ToList());
    }

    public IReadOnlyList<StageTally> Stages(IReadOnlyCollection<string>? teamKeys)
    {
        WritePending();
        return scope.Read(() => teamKeys is null
            ? tallies.Find(Query.StartsWith("_id", "s|")).Select(ReportTallyDocuments.ToStages).ToList()
            : teamKeys.Distinct(StringComparer.Ordinal)
                .Select(team => tallies.FindById(ReportTallyDocuments.StagesId(team)))
                .OfType<BsonDocument>()
                .Select(ReportTallyDocuments.ToStages)
                .ToList());
    }

    public IReadOnlyCollection<string> TeamsOf(string ownerKey)
    {
        WritePending();
        return scope.Read(() => tallies.FindById(ReportTallyDocuments.OwnerId(ownerKey))) is { } document
            ? ReportTallyDocuments.ToOwner(document).Teams.Keys.ToList()
            : [];
    }

    public TallyPageSet All()
    {
        WritePending();
        return scope.Read(() =>
        {
            var days = new List<DayTally>();
            var months = new List<DayTally>();
            var stages = new List<StageTally>();
            var owners = new List<OwnerTeams>();
            foreach (var document in tallies.FindAll())
            {
                switch (document["Kind"].AsString)
                {
                    case "day": days.Add(ReportTallyDocuments.ToDay(document)); break;
                    case "month": months.Add(ReportTallyDocuments.ToMonth(document)); break;
                    case "stages": stages.Add(ReportTallyDocuments.ToStages(document)); break;
                    case "owner": owners.Add(ReportTallyDocuments.ToOwner(document)); break;
                }
            }

            return new TallyPageSet(days, months, stages, owners);
        });
    }

    public void Replace(TallyPageSet pages, string fingerprint) => scope.Write(() =>
    {
        // The pages replace everything, the moves this batch made so far included (a recount reads the batch's leads).
        scope.Transaction!.Tallies = null;
        tallies.DeleteAll();
        tallies.InsertBulk(pages.Days.Where(page => !page.IsEmpty).Select(ReportTallyDocuments.ToDocument)
            .Concat(pages.Months.Where(page => !page.IsEmpty).Select(ReportTallyDocuments.ToMonthDocument))
            .Concat(pages.Stages.Where(page => !page.IsEmpty).Select(ReportTallyDocuments.ToDocument))
            .Concat(pages.Owners.Where(page => !page.IsEmpty).Select(ReportTallyDocuments.ToDocument)));
        tallies.Insert(new BsonDocument { ["_id"] = ReportTallyDocuments.StatusId, [ReportTallyDocuments.Fingerprint] = fingerprint });
    });

    // Inside a write, the pages this batch's units moved are written before anything reads them.
    private void WritePending()
    {
        if (scope.Transaction is { Tallies: not null } transaction)
        {
            scope.Write(transaction.BeforeCommit);
        }
    }
}
