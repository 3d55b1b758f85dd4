using ChatCrm.Core.FollowUps;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.FollowUps;

/// <summary>The follow-ups people made in a period: by the author-then-time index for a few people, by one walk of the period for many; both the same.</summary>
public sealed class FollowUpsMadeBetweenTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_few_people_and_many_people_get_exactly_their_follow_ups_of_the_period()
    {
        using var store = _folder.Open();
        var many = Enumerable.Range(0, 40).Select(i => $"u{i}").ToList();
        await store.Write(session =>
        {
            foreach (var (author, index) in many.Select((author, index) => (author, index)))
            {
                // Just before, at the start, inside, at the end (excluded) and after the period.
                foreach (var at in new[] { Now.AddTicks(-1), Now, Now.AddHours(index % 24), Now.AddDays(1), Now.AddDays(2) })
                {
                    session.FollowUps.Insert(new FollowUp(Guid.NewGuid(), "L-1", author, ContactChannel.Call, null, "called", at, null, null));
                }
            }
        });

        var few = await store.Read(session => session.FollowUps.MadeBetween(Now, Now.AddDays(1), new HashSet<string>(["u1", "u12"], StringComparer.Ordinal)));
        var everyone = await store.Read(session => session.FollowUps.MadeBetween(Now, Now.AddDays(1), many.ToHashSet(StringComparer.Ordinal)));

        Assert.Equal(4, few.Count);
        Assert.All(few, followUp => Assert.True(followUp.At >= Now && followUp.At < Now.AddDays(1) && followUp.AuthorKey is "u1" or "u12"));
        Assert.Equal(80, everyone.Count);
        Assert.Equal(
            few.Select(followUp => followUp.Id).Order(),
            everyone.Where(followUp => followUp.AuthorKey is "u1" or "u12").Select(followUp => followUp.Id).Order());
    }
}
