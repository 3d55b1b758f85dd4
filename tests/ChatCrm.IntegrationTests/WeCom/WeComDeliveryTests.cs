using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// WeCom deliveries leaving the whole app through the outbox and its dispatcher (on the fake
/// clock) to a loopback WeCom API, with the channel switched on by configuration.
/// </summary>
public sealed class WeComDeliveryTests : IAsyncLifetime
{
    private const int AgentId = 1000002;

    private WeComStandIn _wecom = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _wecom = await WeComStandIn.StartAsync();
        _app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:WeCom:Enabled"] = "true",
            ["ChatCrm:WeCom:CorpId"] = WeComStandIn.CorpId,
            ["ChatCrm:WeCom:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChatCrm:WeCom:Secret"] = WeComStandIn.Secret,
            ["ChatCrm:WeCom:Token"] = "callback-token",
            ["ChatCrm:WeCom:EncodingAesKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            ["ChatCrm:WeCom:ApiBaseUrl"] = _wecom.ApiBaseUrl,
            ["ChatCrm:WeCom:Api:QuickRetryDelay"] = "00:00:00.050",
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _wecom.DisposeAsync();
    }

    [Fact]
    public async Task A_queued_message_reaches_message_send_once_despite_an_expired_token_and_a_server_error()
    {
        // A token fetched earlier, then expired by WeCom before the message goes out.
        await _app.Services.GetRequiredService<WeComAccessTokens>().GetTokenAsync(default);
        _wecom.ExpireTokens();
        _wecom.FailNextSends(500);
        var delivery = new Delivery(WeComChannel.Name, """{"ToUser":"ZhangSan"}""", """{"msgtype":"text","text":{"content":"王总的线索已分配给你"}}""");

        var id = await _app.Services.GetRequiredService<QueueDelivery>().HandleAsync("alice", delivery, null, default);
        await WaitForDeliveriesAsync(1);

        var sent = Assert.Single(_wecom.Delivered);
        Assert.Equal(("ZhangSan", AgentId, "王总的线索已分配给你"), (sent["touser"]!.GetValue<string>(), sent["agentid"]!.GetValue<int>(), sent["text"]!["content"]!.GetValue<string>()));
        Assert.Equal(
            [("gettoken", null), ("message/send", "token-1"), ("gettoken", null), ("message/send", "token-2"), ("message/send", "token-2")],
            _wecom.Received.ToArray());
        var recorded = await RecordedAsync(id!.Value);
        Assert.Equal((OutboxState.Delivered, 1), (recorded.State, recorded.Attempts));

        // Nothing is sent again later.
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(300);
        Assert.Single(_wecom.Delivered);
    }

    /// <summary>The message once the dispatcher has recorded its attempt (it does so just after WeCom answers).</summary>
    private async Task<OutboxMessage> RecordedAsync(Guid id)
    {
        var store = _app.Services.GetRequiredService<ICrmStore>();
        for (var attempt = 0; ; attempt++)
        {
            var message = await store.ReadAsync(session => session.Outbox.Find(id), default);
            if (message is { Attempts: > 0 } || attempt == 100)
            {
                return message!;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The dispatcher runs on the fake clock: move it on until WeCom has taken enough.</summary>
    private async Task WaitForDeliveriesAsync(int count)
    {
        for (var attempt = 0; attempt < 100 && _wecom.Delivered.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
