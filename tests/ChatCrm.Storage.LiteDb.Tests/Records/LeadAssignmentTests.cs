using ChatCrm.Core.Assignment;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class LeadAssignmentTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_assignment_comes_back_whole_with_its_offers_candidates_and_steps()
    {
        using var store = _folder.Open();
        var offered = Offered("L-1", Now).Escalate(EscalationReason.NoCandidate, [new CandidateCheck("bob", CandidateVerdict.AtCapacity, "5/5")], Now.AddMinutes(1), TimeSpan.FromMilliseconds(3));
        await store.Write(session => session.LeadAssignments.Save(offered));

        var read = await store.Read(session => session.LeadAssignments.Find("L-1"))!;

        Assert.Equal(offered.Offers, read!.Offers);
        Assert.Equal(offered.Candidates, read.Candidates);
        Assert.Equal(offered.Steps, read.Steps);
        Assert.Equal(offered.Tags, read.Tags);
        Assert.Equal(offered with { Offers = read.Offers, Candidates = read.Candidates, Steps = read.Steps, Tags = read.Tags }, read);
    }

    [Fact]
    public async Task Only_open_assignments_come_due_earliest_first_and_the_period_query_reads_by_intake_time()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.LeadAssignments.Save(Offered("L-late", Now.AddMinutes(5)));
            session.LeadAssignments.Save(Offered("L-early", Now));
            session.LeadAssignments.Save(Offered("L-claimed", Now).Claim("alice", Now.AddMinutes(1)));
        });

        var due = await store.Read(session => session.LeadAssignments.Due(Now.AddHours(1), 10));
        var recent = await store.Read(session => session.LeadAssignments.RequestedSince(Now.AddMinutes(1), 10));

        Assert.Equal(["L-early", "L-late"], due.Select(assignment => assignment.LeadNumber));
        Assert.Equal(["L-late"], recent.Select(assignment => assignment.LeadNumber));
    }

    [Fact]
    public async Task The_rulebook_and_round_robin_positions_are_kept()
    {
        using var store = _folder.Open();
        var rulebook = AssignmentRulebook.Configured(
            [new AssignmentRule("vip", 1, ["douyin"], ["深圳"], ["汽车"], ["vip"], "south", AssignmentStrategy.LeastLoaded, 3)],
            new Dictionary<string, WorkingHours> { ["south"] = new("Asia/Shanghai", [DayOfWeek.Saturday], new TimeOnly(10, 30), new TimeOnly(16, 0)) });
        await store.Write(session =>
        {
            session.AssignmentRules.Save(rulebook);
            session.AssignmentRules.RecordOffered("vip", "carol");
        });

        var (read, last) = await store.Read(session => (session.AssignmentRules.Find()!, session.AssignmentRules.LastOffered("vip")));

        Assert.Equal(rulebook.Origin, read.Origin);
        Assert.Equal(AssignmentRulebook.Configured(read.Rules, read.HoursByTeam).Origin, rulebook.Origin);
        Assert.Equal("carol", last);
        Assert.Null(await store.Read(session => session.AssignmentRules.LastOffered("other")));
    }

    private static LeadAssignment Offered(string number, DateTimeOffset at) =>
        LeadAssignment.Matched(new AssignmentRequest(number, "webform", ["vip"], at), AssignmentRule.Default, "east", at, TimeSpan.FromMilliseconds(2))
            .Offer("alice", at, at.AddMinutes(30), TimeSpan.FromMilliseconds(1), Guid.NewGuid(), [new CandidateCheck("alice", CandidateVerdict.Eligible, "0/5")]);
}
