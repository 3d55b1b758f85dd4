using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Outbound;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// A due reminder reaches the owner's Teams chat as a card with Done, In 1 hour and Tomorrow, and
/// pressing them (an adaptiveCard/action invoke to /api/messages) closes or snoozes it. A real
/// loopback server stands in for the Teams connector; authentication is off.
/// </summary>
public sealed class TeamsReminderTests : IAsyncLifetime
{
    private ConnectorStandIn _connector = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Teams:Enabled"] = "true" });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task The_reminder_card_has_three_buttons_and_done_closes_the_reminder()
    {
        var actions = await DueCardActionsAsync();

        var pressed = await PostAsync(Invoke(actions[0]!["data"]!.AsObject(), "f:done-1"));
        var answer = JsonNode.Parse(await pressed.Content.ReadAsStringAsync())!.ToJsonString();

        Assert.Equal(["Done", "In 1 hour", "Tomorrow"], actions.Select(action => (string?)action!["title"]));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("Done: call Sarah", answer, StringComparison.Ordinal);
        Assert.Equal(ReminderState.Done, (await ReminderOfAsync(actions[0]!)).State);
    }

    [Fact]
    public async Task Tomorrow_snoozes_to_nine_the_next_morning_and_a_later_done_still_works()
    {
        var actions = await DueCardActionsAsync();

        var snoozed = JsonNode.Parse(await (await PostAsync(Invoke(actions[2]!["data"]!.AsObject(), "f:tomorrow-1"))).Content.ReadAsStringAsync())!.ToJsonString();
        var reminder = await ReminderOfAsync(actions[2]!);
        await PostAsync(Invoke(actions[0]!["data"]!.AsObject(), "f:done-2"));

        Assert.Contains("tomorrow at 9:00", snoozed, StringComparison.Ordinal);
        Assert.Equal((ReminderState.Pending, new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.FromHours(8))), (reminder.State, reminder.DueAt));
        Assert.Equal(ReminderState.Done, (await ReminderOfAsync(actions[0]!)).State);
    }

    /// <summary>Alice talks to the bot in Teams, sets a reminder an hour ahead, and it comes due there as a card.</summary>
    private async Task<JsonArray> DueCardActionsAsync()
    {
        await PostAsync(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "message-personal.json"))
            .Replace("https://smba.trafficmanager.net/apac/", _connector.ServiceUrl, StringComparison.Ordinal));
        await WaitForConnectorAsync(1);
        await _app.SayAsync("alice", "remind me today at 11am to call Sarah");
        _app.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(1)));
        await _app.Services.GetRequiredService<DeliverDueReminders>().HandleAsync(default);
        await _app.Services.GetRequiredService<NoticeRouting>().RouteOnceAsync(default);
        var requests = await WaitForConnectorAsync(2);
        var card = JsonNode.Parse(requests[1].Body)!["attachments"]![0]!["content"]!;
        Assert.StartsWith("⏰ Reminder: call Sarah", (string?)card["body"]![0]!["text"], StringComparison.Ordinal);
        return card["actions"]!.AsArray();
    }

    private Task<Reminder> ReminderOfAsync(JsonNode action) =>
        _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Reminders.Find(Guid.Parse((string)action["data"]!["reminder"]!))!, default);

    // Each press is an invoke of its own: Teams gives each its own activity id.
    private string Invoke(JsonObject data, string id)
    {
        var invoke = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtureFolder.Path, "invoke-adaptive-card-action.json")))!.AsObject();
        invoke["id"] = id;
        invoke["serviceUrl"] = _connector.ServiceUrl;
        invoke["value"]!["action"]!["verb"] = (string?)data["do"];
        invoke["value"]!["action"]!["data"] = data.DeepClone();
        return invoke.ToJsonString();
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        var response = await _app.CreateClient().PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>The dispatcher runs on the fake clock: move it on until the connector has seen enough.</summary>
    private async Task<IReadOnlyList<ReceivedRequest>> WaitForConnectorAsync(int count)
    {
        for (var attempt = 0; attempt < 60 && _connector.Received.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return [.. _connector.Received];
    }
}
