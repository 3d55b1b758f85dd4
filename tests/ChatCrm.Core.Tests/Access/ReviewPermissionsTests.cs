using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests.Access;

/// <summary>The monthly permission health report, on the 1st of December about November.</summary>
public sealed class ReviewPermissionsTests : IDisposable
{
    private static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Admins_hear_of_grants_beyond_a_position_unused_privileges_idle_accounts_and_the_months_exports_once()
    {
        await _world.Store.WriteAsync(session =>
        {
            session.People.Save(Bob with { Grants = new Dictionary<Permission, AccessScope> { [Permission.Export] = AccessScope.Team, [Permission.View] = AccessScope.Own } });
            return true;
        }, default);
        await _world.NewLeadAsync(Alice, "王总", "华为", "13800138000");
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromHours(8)));
        await _world.Store.WriteAsync(session =>
        {
            session.Audit.Append(new AuditEntry(Guid.CreateVersion7(_world.Clock.GetUtcNow()), _world.Clock.GetUtcNow(), "wang", "webchat", null, AuditActions.CreateExport, null, null, null, "team 42"));
            return true;
        }, default);
        _world.Clock.SetUtcNow(FirstOfDecember);
        var job = new ReviewPermissions(_world.Store, _world.Clock, _world.Settings);

        var first = await job.RunAsync(default);
        var second = await job.RunAsync(default);

        Assert.Equal(1, first.Count);
        Assert.Equal(ChatCrm.Core.Scheduling.JobOutcome.Nothing, second);
        var notice = Assert.Single(await _world.Store.ReadAsync(session => session.Outbox.PendingFor("admin", 10), default)).Notice!;
        Assert.Equal(Notices.PermissionHealth, notice.Kind);
        Assert.Equal("2026-11", notice.Args["month"]);
        // Bob's own export grant is above his position's; his own view grant is not.
        Assert.Equal("bob: export none → team", notice.Args["beyond"]);
        Assert.Contains("admin: admin", notice.Args["unused"], StringComparison.Ordinal);
        Assert.Contains("wang: delete", notice.Args["unused"], StringComparison.Ordinal);
        Assert.DoesNotContain("wang: export", notice.Args["unused"], StringComparison.Ordinal);
        Assert.DoesNotContain("alice", notice.Args["inactive"], StringComparison.Ordinal);
        Assert.Contains("carol", notice.Args["inactive"], StringComparison.Ordinal);
        Assert.Equal("1", notice.Args["export_count"]);
        Assert.Equal("11-20 15:00 wang export.create team 42", notice.Args["exports"]);
        // The head as it stood just before the review wrote its own entry.
        var head = (await _world.Store.ReadAsync(session => session.Audit.LastSealed(), default))!;
        Assert.Equal(AuditActions.ReviewPermissions, head.Action);
        Assert.Equal($"#{head.Seal!.Sequence - 1} {head.Seal.PreviousHash}", notice.Args["audit_head"]);
    }
}
