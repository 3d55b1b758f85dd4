using System.Text.Json;
using ChatCrm.Channels.Teams.Schema;
using ChatCrm.Channels.Tests.Teams.Fixtures;

namespace ChatCrm.Channels.Tests.Teams.Schema;

public sealed class ActivityParsingTests
{
    [Theory]
    [MemberData(nameof(TeamsFixtures.InboundNames), MemberType = typeof(TeamsFixtures))]
    public void Every_captured_activity_parses_with_its_type_and_ids(string name)
    {
        var parsed = TeamsJson.Parse(TeamsFixtures.Read(name));

        Assert.True(parsed.Succeeded, parsed.Error);
        var activity = parsed.Activity!;
        Assert.False(string.IsNullOrEmpty(activity.Type));
        Assert.False(string.IsNullOrEmpty(activity.Conversation?.Id));
        Assert.False(string.IsNullOrEmpty(activity.Recipient?.Id));
        Assert.StartsWith("http", activity.ServiceUrl);
    }

    [Fact]
    public void The_typed_fields_of_a_group_chat_message_are_read()
    {
        var activity = TeamsFixtures.Activity("message-groupchat-mention.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("19:meeting_groupchat_thread@thread.v2", activity.Conversation!.Id);
        Assert.Equal("groupChat", activity.Conversation.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("00000000-0000-0000-0000-00000000c0de", activity.Conversation.TenantId);
        Assert.Equal("00000000-0000-0000-0000-0000000a11ce", activity.From!.AadObjectId);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 2, 1, 0, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(2, activity.Entities!.Count);
        Assert.Equal("plain", activity.TextFormat);
    }

    [Fact]
    public void Fields_we_do_not_model_are_kept_and_written_back()
    {
        var activity = TeamsFixtures.Activity("message-personal.json");

        Assert.Equal("Asia/Shanghai", activity.Extra!["localTimezone"].GetString());
        using var written = JsonDocument.Parse(TeamsJson.Serialize(activity));
        Assert.Equal("2026-11-18T10:00:00.000+08:00", written.RootElement.GetProperty("localTimestamp").GetString());
        Assert.Equal("Windows", written.RootElement.GetProperty("entities")[0].GetProperty("platform").GetString());
    }

    [Fact]
    public void An_activity_type_we_do_not_know_still_parses()
    {
        var parsed = TeamsJson.Parse("""{"type":"somethingNew","id":"1","surprise":{"deep":[1,2]}}""");

        Assert.True(parsed.Succeeded);
        Assert.Equal("somethingNew", parsed.Activity!.Type);
        Assert.True(parsed.Activity.Extra!.ContainsKey("surprise"));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",", "line 1")]
    [InlineData("not json at all", "line 1")]
    [InlineData("", "empty")]
    [InlineData("[1,2]", "must be a JSON object, not an array")]
    [InlineData("null", "must be a JSON object, not null")]
    [InlineData("{\"text\":\"hi\"}", "no \"type\"")]
    [InlineData("{\"type\":\"message\",\"from\":\"alice\"}", "$.from")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\"}", "$.timestamp")]
    public void A_body_that_is_not_an_activity_is_a_clear_error_not_an_exception(string body, string expected)
    {
        var parsed = TeamsJson.Parse(body);

        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Error);
    }

    [Fact]
    public async Task A_request_stream_parses_like_a_string()
    {
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TeamsFixtures.Read("invoke-adaptive-card-action.json")));

        var parsed = await TeamsJson.ParseAsync(body, CancellationToken.None);

        Assert.Equal(InvokeNames.AdaptiveCardAction, parsed.Activity!.Name);
    }

    [Fact]
    public void The_playground_reply_reads_as_an_activity_with_a_reply_to_id()
    {
        using var logged = JsonDocument.Parse(TeamsFixtures.Read("playground/bot-reply-message.json"));

        var parsed = TeamsJson.Parse(logged.RootElement.GetProperty("request").GetProperty("body").GetRawText());

        Assert.Equal("31e6b9d3-fddc-4ba6-ab06-53198d033624", parsed.Activity!.ReplyToId);
        Assert.Equal("acceptingInput", parsed.Activity.Extra!["inputHint"].GetString());
    }
}
