using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports.Tallies;

namespace ChatCrm.Core.Tests.Reports;

/// <summary>What one lead adds to the report tallies, at the edges where a tally and the lead could disagree.</summary>
public sealed class LeadShareTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 23, 59, 59, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(TimeSpan.TicksPerHour * 24, 24)]
    [InlineData((TimeSpan.TicksPerHour * 24) + 1, 25)]
    [InlineData(-TimeSpan.TicksPerHour, 0)]
    [InlineData(TimeSpan.TicksPerDay * 400, LeadShare.LaterHours)]
    public void First_contact_hours_round_up_so_within_N_hours_reads_the_same_from_a_tally(long ticksAfterCreation, int hours)
    {
        var lead = Lead.Create("L-1", "王建国", null, null, null, LeadStage.New, null, "east", "webform", "alice", Created);
        lead.RecordFollowUp(Created.AddTicks(ticksAfterCreation), null, Created.AddDays(500));

        Assert.Equal(hours, LeadShare.Of(lead, TallyRules.Default).FirstContactHours);
    }

    [Fact]
    public void Days_are_the_organisations_calendar_days_and_a_won_lead_adds_its_amount_and_cycle()
    {
        var lead = Lead.Create("L-2", "李雷", null, null, null, LeadStage.Proposal, null, "east", "webform", "alice", Created);
        lead.Value(120_000m, "CNY", Created.AddDays(1));
        lead.MoveTo(LeadStage.Won, Created.AddDays(3));

        var share = LeadShare.Of(lead, TallyRules.Default);

        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 26), true, 120_000m, TimeSpan.FromDays(3).Ticks, false),
            (share.CreatedDay, share.ClosedDay!.Value, share.Won, share.Amount, share.CycleTicks!.Value, share.Excluded));
    }

    [Fact]
    public void Rules_that_count_other_leads_or_other_days_have_another_fingerprint()
    {
        var other = TallyRules.Default with { Zone = CrmSettings.ResolveZone("Europe/Berlin") };
        var fewer = TallyRules.Default with { Settings = ChatCrm.Core.Reports.ReportSettings.Default with { InternalPhonePrefixes = ["+86139"] } };

        Assert.Equal(3, new[] { TallyRules.Default.Fingerprint, other.Fingerprint, fewer.Fingerprint }.Distinct().Count());
    }
}
