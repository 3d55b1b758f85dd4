using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// WeCom's callback end to end on the app with a real LiteDB file: messages encrypted as WeCom
/// encrypts them are answered at once and handled after the answer through the same pipeline as
/// the web chat, and answered through a loopback stand-in for WeCom's API; everything spoiled is
/// refused and changes nothing.
/// </summary>
public sealed class WeComCallbackTests : IAsyncLifetime
{
    private WeComStandIn _api = null!;
    private ChatCrmApp _app = null!;
    private WeComCallbackClient _wecom = null!;

    public async Task InitializeAsync()
    {
        _api = await WeComStandIn.StartAsync();
        _app = new ChatCrmApp(settings: WeComCallbackClient.Settings(_api.ApiBaseUrl));
        _wecom = new WeComCallbackClient(_app);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _api.DisposeAsync();
    }

    private ICrmStore Store => _app.Services.GetRequiredService<ICrmStore>();

    [Fact]
    public async Task The_callback_url_is_verified_by_answering_the_decrypted_echo()
    {
        var response = await _wecom.VerifyAsync("1288432023552776189");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1288432023552776189", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_text_to_the_app_logs_a_follow_up_and_the_answer_is_queued_for_the_member()
    {
        var lead = await OwnedLeadAsync("alice", "美团");

        var response = await _wecom.PostAsync(WeComCallbackClient.Text("alice", $"今天给{lead}打了电话,她很感兴趣,下周三再跟进", "7301", _wecom.Now));
        var answer = await WaitForDeliveryAsync("alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Single(await Store.ReadAsync(session => session.FollowUps.ListForLead(lead, 5), default));
        Assert.Equal("alice", JsonNode.Parse(answer.Address)!["toUser"]!.GetValue<string>());
        var body = JsonNode.Parse(answer.Content)!;
        Assert.Equal("template_card", (string?)body["msgtype"]);
        Assert.StartsWith("已记录", (string?)body["template_card"]!["main_title"]!["title"], StringComparison.Ordinal);
        Assert.NotNull(WeComButtonKey.Read((string?)body["template_card"]!["button_list"]![0]!["key"]));
    }

    [Fact]
    public async Task A_message_to_the_app_logs_a_follow_up_and_the_answer_reaches_wecom_once()
    {
        var lead = await OwnedLeadAsync("alice", "美团");

        await _wecom.PostAsync(WeComCallbackClient.Text("alice", $"今天拜访了{lead},很感兴趣,周五再跟进", "7310", _wecom.Now));
        var sent = await WaitForWeComAsync(1);

        Assert.Single(await Store.ReadAsync(session => session.FollowUps.ListForLead(lead, 5), default));
        Assert.Equal(("alice", 1000002), ((string?)sent[0]["touser"], (int?)sent[0]["agentid"]));
        Assert.StartsWith("已记录", (string?)sent[0]["template_card"]!["main_title"]!["title"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_is_named_from_wecoms_directory_and_the_salesperson_told_in_wecom()
    {
        _api.Customers["wmCustomer0009"] = ("李总", "字节跳动");
        await _wecom.PostAsync(WeComCallbackClient.Text("alice", "/help", "7311", _wecom.Now));
        await WaitForWeComAsync(1);

        await _wecom.PostAsync(WeComCallbackClient.Event("sys", _wecom.Now, "change_external_contact",
            ("ChangeType", "add_external_contact"), ("UserID", "alice"), ("ExternalUserID", "wmCustomer0009")));
        var link = await WaitForLinkAsync("wecom:alice:contact:wmCustomer0009");
        var told = await WaitForWeComAsync(2);

        var lead = (await Store.ReadAsync(session => session.Leads.Find(link.LeadNumber), default))!;
        Assert.Equal(("李总", "字节跳动"), (lead.Name, lead.Company));
        Assert.Contains("李总", told[1].ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeComs_retry_of_a_message_is_answered_and_handled_once()
    {
        var lead = await OwnedLeadAsync("alice", "美团");
        var message = WeComCallbackClient.Text("alice", $"给{lead}发了微信,下周一再跟进", "7302", _wecom.Now);

        var first = await _wecom.PostAsync(message);
        var retry = await _wecom.PostAsync(message);
        await WaitForDeliveryAsync("alice");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single(await Store.ReadAsync(session => session.FollowUps.ListForLead(lead, 5), default));
        Assert.Single(await DeliveriesAsync("alice"));
    }

    [Fact]
    public async Task Spoiled_callbacks_are_refused_nothing_is_stored_and_the_server_stays_up()
    {
        var message = WeComCallbackClient.Text("alice", "我的线索", "7303", _wecom.Now);
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><xml><Encrypt>&lol2;</Encrypt></xml>";
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&xxe;</Encrypt></xml>";

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["bad signature"] = (await _wecom.PostAsync(message, signature: "0000000000000000000000000000000000000000")).StatusCode,
            ["old timestamp"] = (await _wecom.PostAsync(message, timestamp: _wecom.Now - 3600)).StatusCode,
            ["another corp"] = (await _wecom.PostAsync(message, receiveId: "wwSomeoneElse")).StatusCode,
            ["another app"] = (await _wecom.PostAsync(message, agentId: "1000003")).StatusCode,
            ["malformed"] = (await _wecom.PostRawAsync("<xml><Encrypt>", "x", _wecom.Now.ToString(), "1")).StatusCode,
            ["billion laughs"] = (await _wecom.PostRawAsync(laughs, "x", _wecom.Now.ToString(), "1")).StatusCode,
            ["xxe"] = (await _wecom.PostRawAsync(xxe, "x", _wecom.Now.ToString(), "1")).StatusCode,
            ["oversize"] = (await _wecom.PostRawAsync("<xml><Encrypt>" + new string('A', 200_000) + "</Encrypt></xml>", "x", _wecom.Now.ToString(), "1")).StatusCode,
        };

        Assert.Equal(HttpStatusCode.Unauthorized, answers["bad signature"]);
        Assert.Equal(HttpStatusCode.Unauthorized, answers["old timestamp"]);
        Assert.Equal(HttpStatusCode.Unauthorized, answers["another corp"]);
        Assert.Equal(HttpStatusCode.Unauthorized, answers["another app"]);
        Assert.Equal(HttpStatusCode.BadRequest, answers["malformed"]);
        Assert.Equal(HttpStatusCode.BadRequest, answers["billion laughs"]);
        Assert.Equal(HttpStatusCode.BadRequest, answers["xxe"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answers["oversize"]);
        Assert.Null(await Store.ReadAsync(session => session.Inbox.Find("wecom:msg:7303"), default));
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_customer_added_by_a_salesperson_becomes_their_lead_and_a_colleague_adding_them_is_linked_to_it()
    {
        var added = WeComCallbackClient.Event("sys", _wecom.Now, "change_external_contact",
            ("ChangeType", "add_external_contact"), ("UserID", "alice"), ("ExternalUserID", "wmCustomer0001"));
        var byBob = WeComCallbackClient.Event("sys", _wecom.Now, "change_external_contact",
            ("ChangeType", "add_external_contact"), ("UserID", "bob"), ("ExternalUserID", "wmCustomer0001"));

        await _wecom.PostAsync(added);
        await _wecom.PostAsync(added);
        var aliceLink = await WaitForLinkAsync("wecom:alice:contact:wmCustomer0001");
        await _wecom.PostAsync(byBob);
        var bobLink = await WaitForLinkAsync("wecom:bob:contact:wmCustomer0001");

        var lead = (await Store.ReadAsync(session => session.Leads.Find(aliceLink.LeadNumber), default))!;
        Assert.Equal(("alice", "wecom"), (lead.OwnerKey, lead.Source));
        Assert.Equal(aliceLink.LeadNumber, bobLink.LeadNumber);
        var aliceNotices = await Store.ReadAsync(session => session.Outbox.PendingFor("alice", 10), default);
        Assert.Equal("true", Assert.Single(aliceNotices, notice => notice.Notice?.Kind == Notices.ContactAdded).Notice!.Args["created"]);
        var bobNotice = Assert.Single(await Store.ReadAsync(session => session.Outbox.PendingFor("bob", 10), default)).Notice!;
        Assert.Equal(("false", "alice"), (bobNotice.Args["created"], bobNotice.Args["owner"]));
    }

    [Fact]
    public async Task A_customer_deleting_the_salesperson_is_noted_and_the_salesperson_told()
    {
        await _wecom.PostAsync(WeComCallbackClient.Event("sys", _wecom.Now, "change_external_contact",
            ("ChangeType", "add_external_contact"), ("UserID", "alice"), ("ExternalUserID", "wmCustomer0002")));
        await WaitForLinkAsync("wecom:alice:contact:wmCustomer0002");

        await _wecom.PostAsync(WeComCallbackClient.Event("sys", _wecom.Now + 1, "change_external_contact",
            ("ChangeType", "del_follow_user"), ("UserID", "alice"), ("ExternalUserID", "wmCustomer0002")));
        var removed = await WaitForNoticeAsync("alice", Notices.ContactRemoved);

        Assert.Equal("customer", removed.Args["by"]);
        var contact = await Store.ReadAsync(session => session.Contacts.Find("wecom", "wmCustomer0002"), default);
        Assert.Equal(Core.Contacts.ContactRemoval.ByCustomer, Assert.Single(contact!.Followers).RemovedBy);
    }

    [Fact]
    public async Task A_card_button_press_acts_like_a_button_and_the_card_is_marked_done()
    {
        var lead = await PoolLeadAsync();
        var key = WeComButtonKey.Write(new Dictionary<string, string> { ["do"] = "claim_lead", ["lead"] = lead, ["lang"] = "zh" })!;

        await _wecom.PostAsync(WeComCallbackClient.Event("alice", _wecom.Now, "template_card_event",
            ("EventKey", key), ("TaskId", "cc_0193f2b4"), ("CardType", "button_interaction"), ("ResponseCode", "resp-1")));
        var deliveries = await WaitForDeliveriesAsync("alice", 2);

        Assert.Equal("alice", (await Store.ReadAsync(session => session.Leads.Find(lead), default))!.OwnerKey);
        var update = Assert.Single(deliveries, delivery => JsonNode.Parse(delivery.Address)!["updateTaskId"] is not null);
        Assert.Equal("cc_0193f2b4", (string?)JsonNode.Parse(update.Address)!["updateTaskId"]);
        Assert.Equal(("resp-1", "已处理"), ((string?)JsonNode.Parse(update.Content)!["response_code"], (string?)JsonNode.Parse(update.Content)!["button"]!["replace_name"]));
    }

    /// <summary>The router and the dispatcher run on the fake clock: move it on until WeCom has taken enough messages.</summary>
    [Fact]
    public async Task A_report_arrives_as_a_card_with_its_numbers_then_its_chart_as_an_uploaded_image()
    {
        await _wecom.PostAsync(WeComCallbackClient.Text("wang", "本月销售漏斗", "7320", _wecom.Now));
        var sent = await WaitForWeComAsync(2);

        Assert.StartsWith("各阶段商机(截至此刻)", (string?)sent[0]["template_card"]?["main_title"]?["title"] ?? (string?)sent[0]["text"]?["content"], StringComparison.Ordinal);
        var (fileName, png) = Assert.Single(_api.Uploads);
        Assert.Equal("chart.png", fileName);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        Assert.Equal(("image", "media-1", "wang"), ((string?)sent[1]["msgtype"], (string?)sent[1]["image"]!["media_id"], (string?)sent[1]["touser"]));
    }

    private async Task<IReadOnlyList<JsonObject>> WaitForWeComAsync(int count)
    {
        for (var attempt = 0; attempt < 100 && _api.Delivered.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return [.. _api.Delivered];
    }

    private async Task<string> OwnedLeadAsync(string owner, string company)
    {
        var leads = await Store.ReadAsync(session => session.Leads.List(new LeadQuery { OwnerKey = owner, Limit = 50 }), default);
        return leads.Single(lead => lead.Company == company).Number;
    }

    private async Task<string> PoolLeadAsync()
    {
        var pool = await Store.ReadAsync(session => session.Leads.List(new LeadQuery { Unowned = true, TeamKey = "east", Limit = 50 }), default);
        return pool.Single(lead => lead.Company == "网易").Number;
    }

    private Task<IReadOnlyList<Delivery>> DeliveriesAsync(string user) =>
        Store.ReadAsync<IReadOnlyList<Delivery>>(session =>
            [.. session.Outbox.Due(DateTimeOffset.MaxValue, 100).Concat(session.Outbox.DeadLetters(100))
                .Where(message => message.RecipientKey == $"{WeComChannel.Name}:{user}" && message.Delivery is not null)
                .Select(message => message.Delivery!)], default);

    private async Task<Delivery> WaitForDeliveryAsync(string user) => (await WaitForDeliveriesAsync(user, 1))[0];

    private async Task<IReadOnlyList<Delivery>> WaitForDeliveriesAsync(string user, int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var deliveries = await DeliveriesAsync(user);
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{count} WeCom deliveries to {user} did not appear");
    }

    private async Task<ConversationLink> WaitForLinkAsync(string conversationKey)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await Store.ReadAsync(session => session.Conversations.FindLink(conversationKey), default) is { } link)
            {
                return link;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{conversationKey} was not linked");
    }

    private async Task<Notice> WaitForNoticeAsync(string user, string kind)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var notices = await Store.ReadAsync(session => session.Outbox.PendingFor(user, 20), default);
            if (notices.FirstOrDefault(message => message.Notice?.Kind == kind) is { } found)
            {
                return found.Notice!;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {kind} notice for {user}");
    }
}
