using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Teams;
using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Channels.Tests.Teams.Auth;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Channels.Tests.Teams.Connector;

public sealed class TeamsConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1AliceConversationId;messageid=1763431200001";
    private const string ReplyToId = "1763431200001";

    private FakeBotConnector _connector = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _services = BuildServices(_ => { });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private IChannelSender Sender => Assert.Single(_services.GetServices<IChannelSender>());

    [Fact]
    public async Task A_reply_is_posted_under_the_activity_it_answers_with_the_activity_as_written()
    {
        var delivery = Delivery(ReplyToId);

        var outcome = await Sender.SendAsync(delivery, default);

        Assert.Equal(SendOutcome.Sent, outcome);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal(
            ("POST", $"/amer/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities/{ReplyToId}", "application/json; charset=utf-8", delivery.Content),
            (request.Method, request.RawTarget, request.ContentType, request.Body));
    }

    [Fact]
    public async Task A_proactive_message_is_posted_to_the_conversation()
    {
        await Sender.SendAsync(Delivery(replyToId: null), default);

        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities", Assert.Single(_connector.Requests).RawTarget);
    }

    [Fact]
    public async Task A_card_updated_in_place_replaces_the_bots_activity_with_put()
    {
        var reference = Reference();
        var activity = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message("已认领 Claimed")) with { Id = "1763431200777" };
        var delivery = new Delivery(TeamsTurns.Channel, TeamsJson.Serialize(new TeamsAddress(reference, null, UpdateActivityId: "1763431200777")), TeamsJson.Serialize(activity));

        var outcome = await Sender.SendAsync(delivery, default);

        Assert.Equal(SendOutcome.Sent, outcome);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal(("PUT", $"/amer/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities/1763431200777"), (request.Method, request.RawTarget));
    }

    [Fact]
    public async Task Without_a_conversation_id_the_personal_chat_is_opened_first_then_sent_to()
    {
        _connector.Answer = (number, context) => number == 1
            ? FakeBotConnector.Status(context, 201, body: "{\"id\":\"a:1NewPersonalChat\"}")
            : FakeBotConnector.Status(context, 201, body: "{\"id\":\"1763431200999\"}");
        var reference = Reference() with { ConversationId = null };
        var activity = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message("新线索 New lead"));
        var delivery = new Delivery(TeamsTurns.Channel, TeamsJson.Serialize(new TeamsAddress(reference, null)), TeamsJson.Serialize(activity));

        var outcome = await Sender.SendAsync(delivery, default);

        Assert.Equal(SendOutcome.Sent, outcome);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(("POST", "/amer/v3/conversations"), (requests[0].Method, requests[0].RawTarget));
        var opened = System.Text.Json.Nodes.JsonNode.Parse(requests[0].Body)!;
        Assert.Equal("28:bot", opened["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:alice", opened["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", opened["tenantId"]!.GetValue<string>());
        Assert.Equal("tenant-1", opened["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal(("POST", "/amer/v3/conversations/a%3A1NewPersonalChat/activities", delivery.Content), (requests[1].Method, requests[1].RawTarget, requests[1].Body));
    }

    [Fact]
    public async Task A_chat_that_cannot_be_opened_is_retried_later_and_nothing_is_sent()
    {
        _connector.Answer = (_, context) => FakeBotConnector.Status(context, 503);
        var reference = Reference() with { ConversationId = null };
        var delivery = new Delivery(TeamsTurns.Channel, TeamsJson.Serialize(new TeamsAddress(reference, null)), TeamsJson.Serialize(OutgoingActivities.Message("hi")));

        var outcome = await Sender.SendAsync(delivery, default);

        Assert.Contains("CreateConversation", Assert.IsType<RetryLaterOutcome>(outcome).Reason, StringComparison.Ordinal);
        Assert.All(_connector.Requests, request => Assert.Equal("/amer/v3/conversations", request.RawTarget));
    }

    [Fact]
    public async Task A_token_the_connector_refuses_is_dropped_so_the_next_send_fetches_a_new_one()
    {
        await using var tokens = await FakeTokenEndpoint.StartAsync();
        await using var services = BuildServices(teams =>
        {
            teams.MicrosoftAppId = TestToken.AppId;
            teams.MicrosoftAppPassword = "secret";
            teams.TokenEndpoint = tokens.TokenUrl;
        });
        var sender = Assert.Single(services.GetServices<IChannelSender>());
        _connector.Answer = (number, context) => FakeBotConnector.Status(context, number == 1 ? 401 : 200);

        Assert.IsType<RetryLaterOutcome>(await sender.SendAsync(Delivery(ReplyToId), default));
        Assert.Equal(SendOutcome.Sent, await sender.SendAsync(Delivery(ReplyToId), default));

        Assert.Equal(["Bearer token-1", "Bearer token-2"], _connector.Requests.Select(request => request.Authorization));
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_sent()
    {
        await Sender.SendAsync(Delivery(ReplyToId), default);

        Assert.Null(Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task With_an_app_id_the_bot_token_is_sent()
    {
        await using var tokens = await FakeTokenEndpoint.StartAsync();
        await using var services = BuildServices(teams =>
        {
            teams.MicrosoftAppId = TestToken.AppId;
            teams.MicrosoftAppPassword = "secret";
            teams.TokenEndpoint = tokens.TokenUrl;
        });

        await Assert.Single(services.GetServices<IChannelSender>()).SendAsync(Delivery(ReplyToId), default);

        Assert.Equal("Bearer token-1", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task Two_server_errors_then_success_is_sent_after_quick_retries()
    {
        _connector.Answer = (number, context) => number <= 2 ? FakeBotConnector.Status(context, 500) : FakeBotConnector.Status(context, 201, body: "{\"id\":\"1\"}");

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Quick_retries_wait_in_real_time_when_the_apps_clock_is_fake()
    {
        _connector.Answer = (number, context) => number == 1 ? FakeBotConnector.Status(context, 502) : FakeBotConnector.Status(context, 200);
        await using var services = BuildServices(_ => { }, new FakeTimeProvider(DateTimeOffset.UnixEpoch));

        var sending = Assert.Single(services.GetServices<IChannelSender>()).SendAsync(Delivery(ReplyToId), default);

        Assert.Same(sending, await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(SendOutcome.Sent, await sending);
    }

    [Fact]
    public async Task Throttling_with_a_long_retry_after_is_left_to_the_outbox()
    {
        _connector.Answer = (_, context) => FakeBotConnector.Status(context, 429, retryAfterSeconds: 30);

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        var retry = Assert.IsType<RetryLaterOutcome>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.After);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Throttling_with_a_short_retry_after_is_retried_on_the_spot()
    {
        _connector.Answer = (number, context) => number == 1 ? FakeBotConnector.Status(context, 429, retryAfterSeconds: 1) : FakeBotConnector.Status(context, 200);

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        Assert.Equal(SendOutcome.Sent, outcome);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_quick_retries_are_retried_later()
    {
        _connector.Answer = (_, context) => FakeBotConnector.Status(context, 503);

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        Assert.IsType<RetryLaterOutcome>(outcome);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_bad_request_is_rejected_with_the_connectors_reason()
    {
        _connector.Answer = (_, context) => FakeBotConnector.Status(context, 400, body: "{\"error\":{\"code\":\"BadArgument\",\"message\":\"Unknown activity type\"}}");

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        var rejected = Assert.IsType<RejectedOutcome>(outcome);
        Assert.Contains("400", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("BadArgument: Unknown activity type", rejected.Reason, StringComparison.Ordinal);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refused_token_is_retried_later_in_case_it_had_just_expired(int status)
    {
        _connector.Answer = (_, context) => FakeBotConnector.Status(context, status);

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        Assert.Contains("expired", Assert.IsType<RetryLaterOutcome>(outcome).Reason, StringComparison.Ordinal);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_connector_that_hangs_is_retried_later_after_the_attempt_timeouts()
    {
        _connector.Answer = (_, context) => FakeBotConnector.Hang(context);

        var outcome = await Sender.SendAsync(Delivery(ReplyToId), default);

        Assert.IsType<RetryLaterOutcome>(outcome);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_connector_is_retried_later()
    {
        var delivery = Delivery(ReplyToId, serviceUrl: "http://127.0.0.1:9/");

        var outcome = await Sender.SendAsync(delivery, default);

        Assert.IsType<RetryLaterOutcome>(outcome);
    }

    [Theory]
    [InlineData("not json", "{\"type\":\"message\",\"text\":\"hi\"}")]
    [InlineData("{\"replyToId\":\"1\"}", "{\"type\":\"message\",\"text\":\"hi\"}")]
    [InlineData(null, "{\"text\":\"no type\"}")]
    [InlineData(null, "[1,2]")]
    public async Task A_malformed_delivery_is_rejected_without_calling_teams(string? address, string content)
    {
        var delivery = Delivery(ReplyToId) with { Content = content };
        delivery = address is null ? delivery : delivery with { Address = address };

        var outcome = await Sender.SendAsync(delivery, default);

        Assert.IsType<RejectedOutcome>(outcome);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_service_url_that_is_not_http_is_rejected()
    {
        var outcome = await Sender.SendAsync(Delivery(ReplyToId, serviceUrl: "ftp://example.com/"), default);

        Assert.IsType<RejectedOutcome>(outcome);
    }

    private ConversationReference Reference(string? serviceUrl = null) =>
        new(serviceUrl ?? _connector.ServiceUrl, ConversationId, "tenant-1", "28:bot", "29:alice", "aad-alice", "msteams", "personal");

    private Delivery Delivery(string? replyToId, string? serviceUrl = null)
    {
        var reference = Reference(serviceUrl);
        var activity = OutgoingActivities.ToConversation(reference, OutgoingActivities.Message("已记录跟进 Logged")) with { ReplyToId = replyToId };
        return new Delivery(TeamsTurns.Channel, TeamsJson.Serialize(new TeamsAddress(reference, replyToId)), TeamsJson.Serialize(activity));
    }

    private static ServiceProvider BuildServices(Action<TeamsOptions> teams, TimeProvider? clock = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(clock ?? TimeProvider.System);
        services.AddOptions<TeamsOptions>().Configure(teams);
        services.AddSingleton<BotTokenProvider>();
        services.AddTeamsConnector(connector =>
        {
            // Short waits keep the suite fast; the shape of the pipeline is the production one.
            connector.AttemptTimeout = TimeSpan.FromSeconds(1);
            connector.QuickRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        return services.BuildServiceProvider();
    }
}
