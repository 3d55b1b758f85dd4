using System.Text.Json.Nodes;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// A due reminder reaches the owner's chat with the WeCom app as a template card with 完成, 1小时后
/// and 明天9点, and pressing them (an encrypted template_card_event to the callback) closes or
/// snoozes it. A loopback stand-in plays WeCom's API.
/// </summary>
public sealed class WeComReminderTests : IAsyncLifetime
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

    [Fact]
    public async Task The_template_card_has_three_buttons_and_pressing_snooze_then_done_works()
    {
        var buttons = await DueCardButtonsAsync();

        await PressAsync(buttons[1]!, "resp-1");
        var snoozed = await WaitForReminderAsync(buttons[1]!, reminder => reminder.State == ReminderState.Pending);
        await PressAsync(buttons[0]!, "resp-2");
        var done = await WaitForReminderAsync(buttons[0]!, reminder => reminder.State == ReminderState.Done);

        Assert.Equal(["完成", "1小时后", "明天9点"], buttons.Select(button => (string?)button!["text"]));
        Assert.Equal(_app.Clock.GetUtcNow().AddHours(1), snoozed.DueAt);
        Assert.Equal(snoozed.DueAt, done.DueAt);
    }

    /// <summary>Carol talks to the WeCom app, sets a reminder an hour ahead, and it comes due there as a template card.</summary>
    private async Task<JsonArray> DueCardButtonsAsync()
    {
        await _wecom.PostAsync(WeComCallbackClient.Text("carol", "/help", "7401", _wecom.Now));
        await WaitForWeComAsync(1);
        await _app.SayAsync("carol", "今天上午11点提醒我给陈总打电话");
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.FromHours(8)));
        await _app.Services.GetRequiredService<DeliverDueReminders>().HandleAsync(default);
        await _app.Services.GetRequiredService<NoticeRouting>().RouteOnceAsync(default);
        var sent = await WaitForWeComAsync(2);
        var card = sent[1]["template_card"]!;
        Assert.Equal("⏰ 提醒:给陈总打电话", (string?)card["main_title"]!["title"]);
        return card["button_list"]!.AsArray();
    }

    private async Task PressAsync(JsonNode button, string responseCode) =>
        await _wecom.PostAsync(WeComCallbackClient.Event("carol", _wecom.Now, "template_card_event",
            ("EventKey", (string)button["key"]!), ("TaskId", "cc_reminder"), ("CardType", "button_interaction"), ("ResponseCode", responseCode)));

    /// <summary>The callback is answered at once and handled after: look until the press has been handled.</summary>
    private async Task<Reminder> WaitForReminderAsync(JsonNode button, Func<Reminder, bool> handled)
    {
        var id = Guid.Parse(WeComButtonKey.Read((string)button["key"]!)!["reminder"]);
        var store = _app.Services.GetRequiredService<ICrmStore>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var reminder = (await store.ReadAsync(session => session.Reminders.Find(id), default))!;
            if (handled(reminder))
            {
                return reminder;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The button press was not handled");
    }

    /// <summary>The router and the dispatcher run on the fake clock: move it on until WeCom has taken enough messages.</summary>
    private async Task<IReadOnlyList<JsonObject>> WaitForWeComAsync(int count)
    {
        for (var attempt = 0; attempt < 100 && _api.Delivered.Count < count; attempt++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        return [.. _api.Delivered];
    }
}
