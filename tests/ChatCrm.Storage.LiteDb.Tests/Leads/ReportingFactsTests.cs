using ChatCrm.Core.Leads;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Leads;

/// <summary>What reports need of a lead — when it closed, became an opportunity, was first followed up, and whether it counts — is kept and read back.</summary>
public sealed class ReportingFactsTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Closing_reopening_and_excluding_are_kept_through_the_store()
    {
        using var store = _folder.Open();
        var lead = Lead.Create("L-1", "王建国", null, "Acme", null, LeadStage.New, null, "east", "webform", "intake", TestLeads.Now);
        await store.Write(session => session.Leads.Insert(lead));

        lead.RecordFollowUp(TestLeads.Now.AddHours(2), null, TestLeads.Now.AddHours(2));
        lead.MoveTo(LeadStage.Proposal, TestLeads.Now.AddDays(1));
        lead.MoveTo(LeadStage.Won, TestLeads.Now.AddDays(3));
        lead.ExcludeFromReports("internal", TestLeads.Now.AddDays(3));
        await store.Write(session => session.Leads.Update(lead));
        var won = await store.Read(session => session.Leads.Find("L-1"));

        lead.MoveTo(LeadStage.Negotiation, TestLeads.Now.AddDays(4));
        lead.ExcludeFromReports(null, TestLeads.Now.AddDays(4));
        await store.Write(session => session.Leads.Update(lead));
        var reopened = await store.Read(session => session.Leads.Find("L-1"));

        Assert.Equal((TestLeads.Now.AddDays(3), TestLeads.Now.AddDays(1), TestLeads.Now.AddHours(2), "internal"), (won!.ClosedAt, won.OpportunityAt, won.FirstFollowUpAt, won.ExcludedAs));
        Assert.Equal((null, TestLeads.Now.AddDays(1), (string?)null), (reopened!.ClosedAt, reopened.OpportunityAt, reopened.ExcludedAs));
    }

    [Fact]
    public void A_lead_created_won_is_closed_and_an_opportunity_from_its_creation()
    {
        var lead = Lead.Create("L-2", "李雷", null, null, null, LeadStage.Won, null, "east", "import", "admin", TestLeads.Now);

        Assert.Equal((TestLeads.Now, TestLeads.Now, (DateTimeOffset?)null), (lead.ClosedAt, lead.OpportunityAt, lead.FirstFollowUpAt));
    }
}
