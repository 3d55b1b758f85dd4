using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Storage.LiteDb.Leads;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reports;

/// <summary>
/// Keeps the report tallies in step with the leads collection: every write of a lead document,
/// wherever it happens in the storage part (the lead repository, the recycle bin), moves the
/// tallies by the lead's new share minus its old one, inside the same unit of work.
/// </summary>
internal sealed class ReportTallyKeeper(ILiteCollection<BsonDocument> tallies, IPersonalDataProtector protector, TallyRules rules)
{
    public void Stored(BsonDocument? before, Lead after) => Move(before is null ? null : LeadShare.Of(LeadDocuments.ToLead(before, protector), rules), LeadShare.Of(after, rules));

    public void Stored(BsonDocument? before, BsonDocument after) =>
        Move(before is null ? null : LeadShare.Of(LeadDocuments.ToLead(before, protector), rules), LeadShare.Of(LeadDocuments.ToLead(after, protector), rules));

    public void Removed(BsonDocument? before)
    {
        if (before is not null)
        {
            Move(LeadShare.Of(LeadDocuments.ToLead(before, protector), rules), null);
        }
    }

    private void Move(LeadShare? before, LeadShare? after)
    {
        if (before == after)
        {
            return;
        }

        var book = new TallyBook(new TallyPages(
            (team, day) => tallies.FindById(ReportTallyDocuments.DayId(team, day)) is { } document ? ReportTallyDocuments.ToDay(document) : null,
            (team, month) => tallies.FindById(ReportTallyDocuments.MonthId(team, month)) is { } document ? ReportTallyDocuments.ToMonth(document) : null,
            team => tallies.FindById(ReportTallyDocuments.StagesId(team)) is { } document ? ReportTallyDocuments.ToStages(document) : null,
            owner => tallies.FindById(ReportTallyDocuments.OwnerId(owner)) is { } document ? ReportTallyDocuments.ToOwner(document) : null));
        book.Move(before, after);
        foreach (var page in book.Days)
        {
            Save(ReportTallyDocuments.DayId(page.Team, page.Day), page.IsEmpty, () => ReportTallyDocuments.ToDocument(page));
        }

        foreach (var page in book.Months)
        {
            Save(ReportTallyDocuments.MonthId(page.Team, page.Day), page.IsEmpty, () => ReportTallyDocuments.ToMonthDocument(page));
        }

        foreach (var page in book.Owners)
        {
            Save(ReportTallyDocuments.OwnerId(page.Owner), page.IsEmpty, () => ReportTallyDocuments.ToDocument(page));
        }

        foreach (var page in book.Stages)
        {
            Save(ReportTallyDocuments.StagesId(page.Team), page.IsEmpty, () => ReportTallyDocuments.ToDocument(page));
        }
    }

    private void Save(string id, bool empty, Func<BsonDocument> document)
    {
        if (empty)
        {
            tallies.Delete(id);
        }
        else
        {
            tallies.Upsert(document());
        }
    }
}
