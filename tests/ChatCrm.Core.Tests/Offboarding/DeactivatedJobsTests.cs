using ChatCrm.Core.Notifications;
using ChatCrm.Core.Tests.Discipline;

namespace ChatCrm.Core.Tests.Offboarding;

/// <summary>
/// The discipline jobs write nothing for an offboarded person even where a lead is still theirs
/// (a lead given to them in a race with the offboarding): only the person is marked here.
/// </summary>
public sealed class DeactivatedJobsTests : IDisposable
{
    private readonly DisciplineDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    private Task DeactivateAliceAsync() =>
        _desk.World.Store.WriteAsync(session =>
        {
            session.People.Save(CrmWorld.Alice with { DeactivatedAt = _desk.Clock.GetUtcNow() });
            return true;
        }, default);

    [Fact]
    public async Task No_stale_list_for_an_offboarded_owner()
    {
        await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await DeactivateAliceAsync();
        _desk.At(11, 25, 10, 0);

        await _desk.StaleScan.RunAsync(default);

        Assert.Empty(await _desk.NoticesAsync("alice", Notices.StaleLeadsOwner));
    }

    [Fact]
    public async Task No_next_step_prompt_for_an_offboarded_author()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead);
        await DeactivateAliceAsync();
        _desk.Advance(TimeSpan.FromHours(1));

        await _desk.NextStep.RunAsync(default);

        Assert.Empty(await _desk.NoticesAsync("alice", Notices.NextStepMissing));
    }
}
