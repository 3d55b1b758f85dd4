using System.Diagnostics;
using System.Net.Http.Json;
using ChatCrm.Endpoints;
using ChatCrm.Hosting;
using ChatCrm.Core.Reminders;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests;

/// <summary>Everything said in chat is in the database file, not in the process.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Leads_follow_ups_links_and_reminders_survive_a_restart()
    {
        string lead;
        Guid reminderId;
        using (var before = new ChatCrmApp(_folder))
        {
            var created = Assert.Single(await before.SayAsync("alice", "新建线索:钱七,13500003333,百度,搜索"));
            lead = created.Fact("线索");
            await before.SayAsync("alice", $"/link {lead}");
            await before.SayAsync("alice", "拜访了钱七,很感兴趣,下周一再跟进");
            var reminderSet = Assert.Single(await before.SayAsync("alice", "明天上午10点提醒我发合同"));
            Assert.Equal("2026-11-19 10:00", reminderSet.Fact("时间"));
            reminderId = await before.Services.GetRequiredService<ICrmStore>().ReadAsync(s => s.Reminders.PendingFor("alice", 1).Single().Id, default);
            await before.StopAsync();
        }

        // The restarted app is the real server on loopback, built as Program builds it: a second
        // WebApplicationFactory in one test now and then picked up the first one's disposed host.
        await using var after = ChatCrmHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            "--ChatCrm:WebChat:Enabled", "true",
            "--ChatCrm:Storage:LiteDbPath", Path.Combine(_folder.Path, "chatcrm.db"),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await after.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(after.Urls.First()) };
        var answer = await http.PostAsJsonAsync("/api/webchat", new WebChatRequest("alice", "c1", "打了电话,下周五再跟进", null, "m-after"));
        var followUp = Assert.Single((await answer.Content.ReadFromJsonAsync<WebChatResponse>())!.Replies);
        var store = after.Services.GetRequiredService<ICrmStore>();
        var followUps = await store.ReadAsync(s => s.FollowUps.ListForLead(lead, 10), default);

        Assert.StartsWith(lead, followUp.Fact("线索"), StringComparison.Ordinal);
        Assert.Equal(2, followUps.Count);
        var reminder = await store.ReadAsync(s => s.Reminders.Find(reminderId), default);
        Assert.NotNull(reminder);
        Assert.Contains("发合同", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(7, (await store.ReadAsync(s => s.People.AllUsers(), default)).Count);
    }

    [Fact]
    public async Task A_second_process_on_the_same_database_refuses_to_start_while_the_first_runs()
    {
        using var first = new ChatCrmApp(_folder);
        await first.SayAsync("alice", "help");

        // A real second process, as a person starting the server twice would.
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ChatCrm.dll"), "--urls", "http://127.0.0.1:0", "--ChatCrm:Storage:LiteDbPath", first.DatabasePath },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var second = Process.Start(start)!;
        var error = second.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await second.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, second.ExitCode);
        Assert.Contains("in use by another ChatCrm process", await error, StringComparison.Ordinal);
    }
}
