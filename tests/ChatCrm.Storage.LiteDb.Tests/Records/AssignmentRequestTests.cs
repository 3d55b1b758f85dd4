using ChatCrm.Core.Assignment;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class AssignmentRequestTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Requests_come_back_oldest_first_with_their_tags_and_are_removed_by_lead()
    {
        using var store = _folder.Open();
        var later = new AssignmentRequest("L-2", "webform", ["vip"], TestLeads.Now.AddMinutes(1));
        var first = new AssignmentRequest("L-1", "douyin", [], TestLeads.Now);
        await store.Write(session =>
        {
            session.AssignmentRequests.Add(later);
            session.AssignmentRequests.Add(first);
        });

        var oldest = await store.Read(session => session.AssignmentRequests.Oldest(10));

        Assert.Equal(["L-1", "L-2"], oldest.Select(request => request.LeadNumber));
        Assert.Equal(later with { Tags = oldest[1].Tags }, oldest[1]);
        Assert.Equal(["vip"], oldest[1].Tags);
        Assert.True(await store.WriteAsync(session => session.AssignmentRequests.Remove("L-1"), default));
        Assert.Equal(["L-2"], (await store.Read(session => session.AssignmentRequests.Oldest(10))).Select(request => request.LeadNumber));
    }
}
