using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Digest;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Digest;

/// <summary>
/// The digest sent at Thursday 2026-11-19 08:00 Shanghai for team east, on leads, follow-ups and
/// assignments seeded around the day boundaries.
/// </summary>
public sealed class DigestNumbersTests : IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly User Erin = new("erin", "Erin", Role.Salesperson, "east", []);
    private static readonly DateOnly Thursday = new(2026, 11, 19);

    private readonly DigestWorld _digest = new(At(19, 8, 0));
    private int _leads;

    public void Dispose() => _digest.Dispose();

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Shanghai);

    [Fact]
    public async Task New_leads_count_yesterday_against_the_day_before_on_the_teams_calendar()
    {
        await SeedAsync();

        var digest = await SentAsync();

        Assert.Equal((3, 2), (digest.NewYesterday.Count, digest.NewDayBefore.Count));
    }

    [Fact]
    public async Task Follow_ups_count_those_the_teams_people_made_yesterday()
    {
        await SeedAsync();

        Assert.Equal(4, (await SentAsync()).FollowUpsYesterday.Count);
    }

    [Fact]
    public async Task Stale_leads_are_the_teams_owned_open_leads_gone_quiet_or_past_their_next_follow_up()
    {
        var expected = await SeedAsync();

        Assert.Equal(expected.Stale.Order(StringComparer.Ordinal), (await SentAsync()).Stale.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_fastest_three_are_ranked_by_median_time_from_offer_to_first_follow_up()
    {
        await SeedAsync();

        var fastest = (await SentAsync()).Fastest;

        Assert.Equal(
            [("bob", TimeSpan.FromMinutes(10), 1), ("alice", TimeSpan.FromMinutes(40), 2), ("erin", TimeSpan.FromHours(12), 1)],
            fastest.Select(responder => (responder.UserKey, responder.Median, responder.Leads)));
    }

    [Fact]
    public async Task The_card_carries_the_numbers_the_period_and_the_as_of_time()
    {
        await SeedAsync();
        await _digest.RunAsync();

        var notice = Assert.Single(await _digest.DigestsForAsync(Wang.Key));

        Assert.Equal(
            ("2026-11-18", "3", "2", "4", "2", "Asia/Shanghai", At(19, 8).ToString("O")),
            (notice.Args["day"], notice.Args["new"], notice.Args["new_before"], notice.Args["followups"], notice.Args["stale"], notice.Args["zone"], DateTimeOffset.Parse(notice.Args["as_of"], System.Globalization.CultureInfo.InvariantCulture).ToOffset(Shanghai).ToString("O")));
    }

    private async Task<ManagerDigest> SentAsync()
    {
        await _digest.RunAsync();
        return await _digest.DigestAsync("east", Thursday) ?? throw new InvalidOperationException("No digest was sent.");
    }

    /// <returns>The lead numbers expected stale.</returns>
    private Task<(IReadOnlyList<string> Stale, int Unused)> SeedAsync() => _digest.World.Store.WriteAsync(session =>
    {
        session.People.Save(Erin);

        // Created yesterday (Wednesday, Shanghai): three in east, from its first moment to its last minute; one in south.
        Lead(session, At(18, 0), null, "east");
        Lead(session, At(18, 12), null, "east");
        Lead(session, At(18, 23, 59), null, "east");
        Lead(session, At(18, 12), null, "south");

        // The day before (Tuesday) two; today (Thursday) one, counted in neither.
        Lead(session, At(17, 0), null, "east");
        Lead(session, At(17, 23, 59), null, "east");
        Lead(session, At(19, 0), null, "east");

        // Stale: alice's lead untouched for 20 days; bob's followed up 2 days ago but due yesterday.
        var quiet = Lead(session, At(19, 8).AddDays(-20), Alice, "east");
        var overdue = Lead(session, At(19, 8).AddDays(-5), Bob, "east", lastFollowUp: At(17, 10), next: At(18, 10));

        // Not stale: in the pool, won, another team's, recently followed up with a plan.
        Lead(session, At(19, 8).AddDays(-20), null, "east");
        Lead(session, At(19, 8).AddDays(-20), Alice, "east", won: true);
        Lead(session, At(19, 8).AddDays(-20), Carol, "south");
        Lead(session, At(19, 8).AddDays(-20), Alice, "east", lastFollowUp: At(18, 9), next: At(21, 9));

        // Response times: offers claimed and answered (follow-ups of yesterday count there too).
        Claimed(session, "L-A1", "alice", offeredAt: At(18, 9), claimedAt: At(18, 9, 5));
        FollowUp(session, "L-A1", "alice", At(18, 9, 20));
        Claimed(session, "L-A2", "alice", offeredAt: At(17, 10), claimedAt: At(17, 10, 30));
        FollowUp(session, "L-A2", "alice", At(17, 11));
        Claimed(session, "L-B1", "bob", offeredAt: At(18, 14), claimedAt: At(18, 14, 1));
        FollowUp(session, "L-B1", "bob", At(18, 14, 10));
        Claimed(session, "L-E1", "erin", offeredAt: At(18, 8), claimedAt: At(18, 8, 30));
        FollowUp(session, "L-E1", "erin", At(18, 20));

        // Wang claimed from the pool (no offer) three days ago and has not followed up: waited since.
        Claimed(session, "L-W1", "wang", offeredAt: null, claimedAt: At(16, 10));

        // Carol's is south's; an assignment from nine days ago is outside the week.
        Claimed(session, "L-C1", "carol", offeredAt: At(18, 9), claimedAt: At(18, 9, 1));
        FollowUp(session, "L-C1", "carol", At(18, 12));
        Claimed(session, "L-OLD", "bob", offeredAt: At(10, 9), claimedAt: At(10, 9, 1));

        // One more of alice's yesterday, one of hers the day before.
        FollowUp(session, quiet, "alice", At(17, 16)); // Tuesday: not counted
        FollowUp(session, overdue, "alice", At(18, 16));
        return ((IReadOnlyList<string>)[quiet, overdue], 0);
    }, default);

    private string Lead(ICrmSession session, DateTimeOffset createdAt, User? owner, string team, DateTimeOffset? lastFollowUp = null, DateTimeOffset? next = null, bool won = false)
    {
        var number = $"L-T{++_leads:000}";
        var lead = Core.Leads.Lead.Create(number, "Lead " + number, null, null, null, LeadStage.New, owner, team, "test", "admin", createdAt);
        if (lastFollowUp is { } at)
        {
            lead.RecordFollowUp(at, next, at);
        }

        if (won)
        {
            lead.MoveTo(LeadStage.Won, createdAt);
        }

        session.Leads.Insert(lead);
        return number;
    }

    private static void Claimed(ICrmSession session, string lead, string user, DateTimeOffset? offeredAt, DateTimeOffset claimedAt)
    {
        var team = user == "carol" ? "south" : "east";
        var requestedAt = offeredAt ?? claimedAt;
        IReadOnlyList<AssignmentOffer> offers = offeredAt is { } offered ? [new AssignmentOffer(user, offered, offered.AddMinutes(30), OfferResult.Claimed, claimedAt)] : [];
        session.LeadAssignments.Save(new LeadAssignment(lead, "web", [], requestedAt, AssignmentState.Claimed, "default", team, offers, [], [], null, null, user, claimedAt));
    }

    private static void FollowUp(ICrmSession session, string lead, string author, DateTimeOffset at) =>
        session.FollowUps.Insert(new FollowUp(Guid.CreateVersion7(at), lead, author, ContactChannel.Call, null, "called", at, null, null));
}
