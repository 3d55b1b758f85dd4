using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// The follow-up discipline end to end: a job's notice reaches the web chat inbox and its buttons,
/// pressed through the web chat endpoint, change the lead. (The jobs are run directly here; the
/// scheduler runs them on their cron.)
/// </summary>
public sealed class FollowUpDisciplineTests : IDisposable
{
    private readonly ChatCrmApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_next_step_prompt_reaches_the_inbox_and_its_button_sets_the_date()
    {
        Assert.Single(await _app.SayAsync("alice", "给刘女士打了电话,她暂时没有需求"));
        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        await _app.Services.GetRequiredService<NextStepPrompts>().RunAsync(default);

        var prompt = Assert.Single(await WaitForInboxAsync("alice"));
        Assert.StartsWith("You logged a follow-up with 刘女士", prompt.Text, StringComparison.Ordinal);
        var reply = Assert.Single(await _app.PressAsync("alice", prompt.Button("Tomorrow")));

        Assert.Contains("set for 2026-11-19", reply.Text, StringComparison.Ordinal);
        var lead = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(
            session => session.Leads.FindByKey("刘女士", 1)[0], default);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.FromHours(8)), lead.NextFollowUpAt);
    }

    [Fact]
    public async Task The_stale_list_reaches_the_inbox_and_its_Return_button_returns_the_lead()
    {
        await _app.Services.GetRequiredService<StaleLeadScan>().RunAsync(default);

        var list = Assert.Single(await WaitForInboxAsync("alice"));
        Assert.StartsWith("⏰", list.Text, StringComparison.Ordinal);
        var returnButton = list.Actions.First(action => action.Title.StartsWith("Return", StringComparison.Ordinal));
        var number = returnButton.Payload["lead"];
        var reply = Assert.Single(await _app.PressAsync("alice", returnButton));

        Assert.Contains("back in the pool", reply.Text, StringComparison.Ordinal);
        var lead = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(number), default);
        Assert.Null(lead!.OwnerKey);
    }

    private async Task<IReadOnlyList<ChatReply>> WaitForInboxAsync(string user)
    {
        // The notice router runs on its own timer: poll a bounded number of times.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var inbox = await _app.InboxAsync(user);
            if (inbox.Count > 0)
            {
                return inbox;
            }

            await Task.Delay(100);
        }

        return [];
    }
}
