using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Storage.LiteDb.Leads;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Reports;

/// <summary>
/// Keeps the report tallies in step with the leads collection: every write of a lead document,
/// wherever it happens in the storage part (the lead repository, the recycle bin), moves the
/// tallies by the lead's new share minus its old one, in the same transaction. The moves of all
/// the units the writer commits together are gathered and their pages written once, just before
/// the commit (<see cref="PendingTallies"/>): leads of one team share their day, month and stage pages.
/// </summary>
internal sealed class ReportTallyKeeper(SessionScope scope, ILiteCollection<BsonDocument> tallies, IPersonalDataProtector protector, TallyRules rules)
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

        var transaction = scope.Transaction ?? throw new InvalidOperationException("Leads change only in a write session.");
        (transaction.Tallies ??= new PendingTallies(tallies)).Book.Move(before, after);
    }
}

/// <summary>The tally pages a write transaction's units have moved, read once and written once before its commit.</summary>
internal sealed class PendingTallies(ILiteCollection<BsonDocument> tallies)
{
    public TallyBook Book { get; } = new(new TallyPages(
        (team, day) => tallies.FindById(ReportTallyDocuments.DayId(team, day)) is { } document ? ReportTallyDocuments.ToDay(document) : null,
        (team, month) => tallies.FindById(ReportTallyDocuments.MonthId(team, month)) is { } document ? ReportTallyDocuments.ToMonth(document) : null,
        team => tallies.FindById(ReportTallyDocuments.StagesId(team)) is { } document ? ReportTallyDocuments.ToStages(document) : null,
        owner => tallies.FindById(ReportTallyDocuments.OwnerId(owner)) is { } document ? ReportTallyDocuments.ToOwner(document) : null));

    public void Flush()
    {
        foreach (var page in Book.Days)
        {
            Save(ReportTallyDocuments.DayId(page.Team, page.Day), page.IsEmpty, () => ReportTallyDocuments.ToDocument(page));
        }

        foreach (var page in Book.Months)
        {
            Save(ReportTallyDocuments.MonthId(page.Team, page.Day), page.IsEmpty, () => ReportTallyDocuments.ToMonthDocument(page));
        }

        foreach (var page in Book.Stages)
        {
            Save(ReportTallyDocuments.StagesId(page.Team), page.IsEmpty, () => ReportTallyDocuments.ToDocument(page));
        }

        foreach (var page in Book.Owners)
        {
            Save(ReportTallyDocuments.OwnerId(page.Owner), page.IsEmpty, () => ReportTallyDocuments.ToDocument(page));
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
