using System.Text.Json.Nodes;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Tests.WeCom.Api;

public sealed class WeComSenderTests : IAsyncLifetime
{
    private const string TextMessage = """{"msgtype":"text","text":{"content":"王总的线索 L20261118-0001 已分配给你"},"safe":0}""";
    private const string CardUpdate = """{"response_code":"rc-1","button":{"replace_name":"已认领"}}""";

    private WeComApiWorld _world = null!;

    public async Task InitializeAsync() => _world = await WeComApiWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private IReadOnlyList<WeComRequest> Sends => _world.WeCom.To("message/send");

    [Fact]
    public async Task A_message_is_sent_to_the_member_by_the_app_with_its_content_as_written()
    {
        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        var request = Assert.Single(Sends);
        Assert.Equal(("POST", "application/json; charset=utf-8", "token-1"), (request.Method, request.ContentType, request.AccessToken));
        Assert.Equal(
            $$"""{"touser":"ZhangSan","agentid":{{WeComApiWorld.AgentId}},"msgtype":"text","text":{"content":"王总的线索 L20261118-0001 已分配给你"},"safe":0}""",
            request.Body);
    }

    [Fact]
    public async Task Content_written_with_unicode_escapes_reaches_wecom_as_plain_utf8()
    {
        var escaped = new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "王总 <b>&</b>" } }.ToJsonString();
        Assert.Contains("\\u738B", escaped, StringComparison.Ordinal);

        await _world.Sender.SendAsync(Delivery(new WeComAddress("ZhangSan"), escaped), default);

        Assert.Equal(
            $$$"""{"touser":"ZhangSan","agentid":{{{WeComApiWorld.AgentId}}},"msgtype":"text","text":{"content":"王总 <b>&</b>"}}""",
            Assert.Single(Sends).Body);
    }

    [Fact]
    public async Task A_card_update_names_the_member_in_userids_and_goes_to_update_template_card()
    {
        var outcome = await _world.Sender.SendAsync(Delivery(new WeComAddress("ZhangSan", "task-7"), CardUpdate), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        var request = Assert.Single(_world.WeCom.To("message/update_template_card"));
        Assert.Equal(
            $$$"""{"userids":["ZhangSan"],"agentid":{{{WeComApiWorld.AgentId}}},"response_code":"rc-1","button":{"replace_name":"已认领"}}""",
            request.Body);
        Assert.Empty(Sends);
    }

    [Fact]
    public async Task A_token_that_expires_mid_run_is_renewed_once_and_the_message_sent_once()
    {
        await _world.Sender.SendAsync(Message("ZhangSan"), default);
        _world.WeCom.ExpireTokens();

        var outcome = await _world.Sender.SendAsync(Message("LiSi"), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(["token-1", "token-1", "token-2"], Sends.Select(request => request.AccessToken));
        Assert.Equal(2, _world.WeCom.To("gettoken").Count);
    }

    [Fact]
    public async Task Throttling_then_success_is_sent_once_after_a_quick_retry()
    {
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Error(45009, "api freq out of limit"));

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, Sends.Count);
    }

    [Fact]
    public async Task Two_server_errors_then_success_is_sent_after_quick_retries()
    {
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Status(500), FakeWeComApi.Status(500));

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(3, Sends.Count);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_quick_retries_waits_a_minute_in_the_outbox()
    {
        _world.WeCom.AnswerNext("message/send", [.. Enumerable.Repeat(FakeWeComApi.Error(45009, "api freq out of limit"), 3)]);

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Equal(TimeSpan.FromMinutes(1), Assert.IsType<RetryLaterOutcome>(outcome).After);
        Assert.Equal(3, Sends.Count);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(-1)]
    public async Task Failures_that_outlast_the_quick_retries_are_retried_later_on_the_outboxs_backoff(int statusOrErrcode)
    {
        var failure = statusOrErrcode > 0 ? FakeWeComApi.Status(statusOrErrcode) : FakeWeComApi.Error(statusOrErrcode, "system busy");
        _world.WeCom.AnswerNext("message/send", failure, failure, failure);

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Null(Assert.IsType<RetryLaterOutcome>(outcome).After);
        Assert.Equal(3, Sends.Count);
        Assert.Empty(await _world.AlertsForAsync("admin"));
    }

    [Fact]
    public async Task An_api_that_hangs_is_retried_later_after_the_attempt_timeouts()
    {
        await _world.Tokens.GetTokenAsync(default);
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Hang, FakeWeComApi.Hang, FakeWeComApi.Hang);

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Contains("did not answer in time", Assert.IsType<RetryLaterOutcome>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal(3, Sends.Count);
    }

    [Fact]
    public async Task An_untrusted_ip_is_rejected_and_every_admin_alerted_once()
    {
        const string Refusal = "not allow to access from your ip, hint: [1763431200_9], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020";
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Error(60020, Refusal), FakeWeComApi.Error(60020, Refusal));

        var first = await _world.Sender.SendAsync(Message("ZhangSan"), default);
        var second = await _world.Sender.SendAsync(Message("LiSi"), default);

        Assert.Contains("60020", Assert.IsType<RejectedOutcome>(first).Reason, StringComparison.Ordinal);
        Assert.IsType<RejectedOutcome>(second);
        foreach (var admin in new[] { "admin", "ops" })
        {
            var alert = Assert.Single(await _world.AlertsForAsync(admin));
            Assert.Equal(("wecom", "60020", Refusal), (alert.Args["channel"], alert.Args["code"], alert.Args["message"]));
        }

        Assert.Empty(await _world.AlertsForAsync("alice"));
    }

    [Theory]
    [InlineData(40013)]
    [InlineData(40056)]
    [InlineData(40091)]
    [InlineData(48002)]
    [InlineData(60011)]
    [InlineData(301002)]
    public async Task A_configuration_error_is_rejected_with_an_alert(int code)
    {
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Error(code, "configuration"));

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.IsType<RejectedOutcome>(outcome);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await _world.AlertsForAsync("admin")).Args["code"]);
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_with_an_alert_without_sending()
    {
        await using var world = await WeComApiWorld.StartAsync(options => options.Secret = "rotated-away");

        var outcome = await world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Contains("40001", Assert.IsType<RejectedOutcome>(outcome).Reason, StringComparison.Ordinal);
        Assert.Equal("40001", Assert.Single(await world.AlertsForAsync("admin")).Args["code"]);
        Assert.Empty(world.WeCom.To("message/send"));
    }

    [Fact]
    public async Task A_recipient_wecom_names_as_invalid_is_rejected_without_an_alert()
    {
        // WeCom writes invalid userids in lower case.
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Json(new { errcode = 0, errmsg = "ok", invaliduser = "zhangsan", msgid = "m1" }));

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Contains("visible range", Assert.IsType<RejectedOutcome>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(await _world.AlertsForAsync("admin"));
    }

    [Fact]
    public async Task A_card_update_wecom_names_the_member_invalid_for_is_rejected()
    {
        _world.WeCom.AnswerNext("message/update_template_card", FakeWeComApi.Json(new { errcode = 0, errmsg = "ok", invaliduser = new[] { "zhangsan" } }));

        var outcome = await _world.Sender.SendAsync(Delivery(new WeComAddress("ZhangSan", "task-7"), CardUpdate), default);

        Assert.IsType<RejectedOutcome>(outcome);
    }

    [Theory]
    [InlineData(81013)]
    [InlineData(40003)]
    public async Task A_member_wecom_cannot_send_to_is_rejected(int code)
    {
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Error(code, "user & party & tag all invalid"));

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Contains("visible range", Assert.IsType<RejectedOutcome>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_wecom_refuses_as_written_is_rejected_without_an_alert()
    {
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Error(40008, "invalid message type"));

        var outcome = await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Equal("WeCom refused message/send with 40008: invalid message type", Assert.IsType<RejectedOutcome>(outcome).Reason);
        Assert.Empty(await _world.AlertsForAsync("admin"));
    }

    [Fact]
    public async Task Past_thirty_messages_a_minute_to_one_member_a_message_waits_without_calling_wecom()
    {
        for (var sent = 0; sent < 30; sent++)
        {
            Assert.Equal(SendOutcome.Sent, await _world.Sender.SendAsync(Message("ZhangSan"), default));
        }

        var thirtyFirst = await _world.Sender.SendAsync(Message("zhangsan"), default);
        var toSomeoneElse = await _world.Sender.SendAsync(Message("LiSi"), default);

        var wait = Assert.IsType<RetryLaterOutcome>(thirtyFirst).After;
        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(SendOutcome.Sent, toSomeoneElse);
        Assert.Equal(31, Sends.Count);
    }

    [Fact]
    public async Task Card_updates_do_not_count_against_the_members_messages()
    {
        for (var update = 0; update < 31; update++)
        {
            Assert.Equal(SendOutcome.Sent, await _world.Sender.SendAsync(Delivery(new WeComAddress("ZhangSan", "task-7"), CardUpdate), default));
        }

        Assert.Equal(SendOutcome.Sent, await _world.Sender.SendAsync(Message("ZhangSan"), default));
    }

    [Theory]
    [InlineData("not json", TextMessage)]
    [InlineData("{}", TextMessage)]
    [InlineData("{\"ToUser\":\"\"}", TextMessage)]
    [InlineData("{\"ToUser\":\"a|b\"}", TextMessage)]
    [InlineData(null, "not json")]
    [InlineData(null, "[1,2]")]
    [InlineData(null, "{\"text\":{\"content\":\"no msgtype\"}}")]
    [InlineData(null, "{\"touser\":\"someone\",\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}")]
    [InlineData(null, "{\"agentid\":1,\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}")]
    [InlineData("{\"ToUser\":\"ZhangSan\",\"UpdateTaskId\":\"task-7\"}", "{\"button\":{\"replace_name\":\"no response code\"}}")]
    [InlineData("{\"ToUser\":\"ZhangSan\",\"UpdateTaskId\":\"task-7\"}", "{\"userids\":[\"x\"],\"response_code\":\"rc\"}")]
    public async Task A_malformed_delivery_is_rejected_without_calling_wecom(string? address, string content)
    {
        var delivery = Message("ZhangSan") with { Content = content };
        delivery = address is null ? delivery : delivery with { Address = address };

        var outcome = await _world.Sender.SendAsync(delivery, default);

        Assert.IsType<RejectedOutcome>(outcome);
        Assert.Empty(_world.WeCom.Requests);
    }

    [Fact]
    public async Task With_the_channel_off_a_left_over_delivery_is_rejected_without_calling_wecom()
    {
        await using var world = await WeComApiWorld.StartAsync(options => options.Enabled = false);

        var outcome = await world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Contains("off", Assert.IsType<RejectedOutcome>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(world.WeCom.Requests);
    }

    [Fact]
    public void The_sender_is_the_one_for_wecom_deliveries()
    {
        Assert.Equal(WeComChannel.Name, _world.Sender.Channel);
    }

    [Fact]
    public async Task Logs_name_neither_the_member_nor_the_content()
    {
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Error(40008, "invalid message type"));
        _world.WeCom.AnswerNext("message/send", FakeWeComApi.Json(new { errcode = 0, errmsg = "ok", invaliduser = "zhangsan" }));

        await _world.Sender.SendAsync(Message("ZhangSan"), default);
        await _world.Sender.SendAsync(Message("ZhangSan"), default);

        Assert.Contains(_world.Logs, line => line.Contains("40008", StringComparison.Ordinal));
        Assert.DoesNotContain(_world.Logs, line => line.Contains("zhangsan", StringComparison.OrdinalIgnoreCase) || line.Contains("王总", StringComparison.Ordinal));
    }

    private static Delivery Message(string toUser) => Delivery(new WeComAddress(toUser), TextMessage);

    private static Delivery Delivery(WeComAddress address, string content) =>
        new(WeComChannel.Name, new JsonObject { ["ToUser"] = address.ToUser, ["UpdateTaskId"] = address.UpdateTaskId }.ToJsonString(), content);
}
