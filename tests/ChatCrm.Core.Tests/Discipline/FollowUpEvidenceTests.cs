using ChatCrm.Core.Discipline;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Tests.Discipline;

public sealed class FollowUpEvidenceTests : IDisposable
{
    private readonly DisciplineDesk _desk = new();

    [Theory]
    [InlineData("给王总打了电话", true)]
    [InlineData("Called Tom, no answer", true)]
    [InlineData("今天给王总打了电话,他很感兴趣,下周三再跟进", false)]
    [InlineData("Called Tom at Acme: wants a quote for twenty seats", false)]
    public void A_note_is_short_under_twelve_units(string note, bool isShort) =>
        Assert.Equal(isShort, EvidenceSettings.Default.IsShort(note));

    [Fact]
    public async Task A_short_call_note_not_completed_in_two_hours_is_listed_to_the_manager_once_at_day_end()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead, "打了电话");
        _desk.Advance(TimeSpan.FromMinutes(119));
        await _desk.EvidenceJob.RunAsync(default);
        Assert.Null(await MarkOfAsync(lead));

        _desk.Advance(TimeSpan.FromMinutes(2));
        await _desk.EvidenceJob.RunAsync(default);
        Assert.NotNull(await MarkOfAsync(lead));
        Assert.Empty(await _desk.NoticesAsync("wang", Notices.EvidenceDayList));

        _desk.At(11, 18, 18);
        await _desk.EvidenceJob.RunAsync(default);
        _desk.At(11, 18, 18, 15);
        await _desk.EvidenceJob.RunAsync(default);

        var notice = Assert.Single(await _desk.NoticesAsync("wang", Notices.EvidenceDayList));
        Assert.Equal(("alice", "打了电话"), (Assert.Single(NoticeLeadLine.Decode(notice.Args["leads"])).Person, NoticeLeadLine.Decode(notice.Args["leads"])[0].Note));
    }

    [Fact]
    public async Task A_longer_note_within_the_window_completes_it()
    {
        var lead = await _desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await _desk.FollowUpAsync(CrmWorld.Alice, lead, "拜访了", channel: ContactChannel.Visit);
        _desk.Advance(TimeSpan.FromMinutes(40));
        await _desk.FollowUpAsync(CrmWorld.Alice, lead, "补充:拜访了王总,看了样品,对价格有顾虑,要我们出三种配置的报价");

        _desk.At(11, 18, 18);
        await _desk.EvidenceJob.RunAsync(default);

        Assert.Empty(await _desk.NoticesAsync("wang", Notices.EvidenceDayList));
    }

    [Fact]
    public async Task Off_by_default_it_marks_nothing()
    {
        using var desk = new DisciplineDesk(evidence: EvidenceSettings.Default);
        var lead = await desk.OwnedLeadAsync(CrmWorld.Alice, "王总");
        await desk.FollowUpAsync(CrmWorld.Alice, lead, "打了电话");
        desk.At(11, 18, 18);

        var outcome = await desk.EvidenceJob.RunAsync(default);

        Assert.Equal(0, outcome.Count);
    }

    private async Task<EvidenceMark?> MarkOfAsync(string lead) =>
        await _desk.World.Store.ReadAsync(session =>
            session.FollowUps.ListForLead(lead, 10).Select(followUp => session.FollowUpDiscipline.FindEvidenceMark(followUp.Id)).FirstOrDefault(mark => mark is not null), default);

    public void Dispose() => _desk.Dispose();
}
