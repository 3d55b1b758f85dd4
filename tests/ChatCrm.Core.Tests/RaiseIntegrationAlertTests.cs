using ChatCrm.Core.Access;
using ChatCrm.Core.Notifications;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class RaiseIntegrationAlertTests : IDisposable
{
    private static readonly User SecondAdmin = new("ops", "Ops", Role.Admin, null, []);

    private readonly CrmWorld _world = new();
    private readonly RaiseIntegrationAlert _alert;

    public RaiseIntegrationAlertTests()
    {
        _alert = new RaiseIntegrationAlert(_world.Store, _world.Clock);
        _world.Store.WriteAsync(session =>
        {
            session.People.Save(SecondAdmin);
            return true;
        }, default).GetAwaiter().GetResult();
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Every_admin_gets_one_notice_with_the_platforms_code_and_message()
    {
        var told = await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip, from ip: 203.0.113.7", default);

        Assert.Equal(2, told);
        foreach (var admin in new[] { Admin.Key, SecondAdmin.Key })
        {
            var notice = Assert.Single(await PendingForAsync(admin)).Notice!;
            Assert.Equal(Notices.IntegrationFailing, notice.Kind);
            Assert.Equal(
                new Dictionary<string, string> { ["channel"] = "wecom", ["code"] = "60020", ["message"] = "not allow to access from your ip, from ip: 203.0.113.7" },
                notice.Args);
        }
    }

    [Fact]
    public async Task Nobody_but_admins_is_told()
    {
        await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip", default);

        foreach (var user in new[] { Wang, Alice, Bob, Carol })
        {
            Assert.Empty(await PendingForAsync(user.Key));
        }
    }

    [Fact]
    public async Task A_second_alert_within_the_hour_does_nothing()
    {
        await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip", default);
        _world.Clock.Advance(TimeSpan.FromMinutes(30));

        var told = await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip", default);

        Assert.Equal(0, told);
        Assert.Single(await PendingForAsync(Admin.Key));
    }

    [Fact]
    public async Task Another_code_alerts_again()
    {
        await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip", default);

        var told = await _alert.HandleAsync("wecom", "40056", "invalid agentid", default);

        Assert.Equal(2, told);
        // Both are written at the same fake moment, so their order is not defined.
        Assert.Equal(["40056", "60020"], (await PendingForAsync(Admin.Key)).Select(message => message.Notice!.Args["code"]).Order());
    }

    [Fact]
    public async Task The_same_code_on_another_platform_alerts_again()
    {
        await _alert.HandleAsync("wecom", "403", "forbidden", default);

        Assert.Equal(2, await _alert.HandleAsync("teams", "403", "forbidden", default));
    }

    [Fact]
    public async Task The_next_hour_alerts_again()
    {
        await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip", default);
        _world.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2, await _alert.HandleAsync("wecom", "60020", "not allow to access from your ip", default));
    }

    [Fact]
    public async Task A_long_message_is_kept_short_and_on_one_line()
    {
        await _alert.HandleAsync("wecom", "60020", "first line\n" + new string('x', 500), default);

        var message = Assert.Single(await PendingForAsync(Admin.Key)).Notice!.Args["message"];
        Assert.Equal(RaiseIntegrationAlert.LongestMessage + 1, message.Length);
        Assert.StartsWith("first line xxx", message, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<OutboxMessage>> PendingForAsync(string userKey) =>
        _world.Store.ReadAsync(session => session.Outbox.PendingFor(userKey, 10), default);
}
