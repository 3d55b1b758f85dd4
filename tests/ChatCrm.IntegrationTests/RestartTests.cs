using System.Diagnostics;
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
        using (var before = new ChatCrmApp(_folder))
        {
            var created = Assert.Single(await before.SayAsync("alice", "新建线索:钱七,13500003333,百度,搜索"));
            lead = created.Fact("线索");
            await before.SayAsync("alice", $"/link {lead}");
            await before.SayAsync("alice", "拜访了钱七,很感兴趣,下周一再跟进");
            await before.SayAsync("alice", "明天上午10点提醒我发合同");
        }

        using var after = new ChatCrmApp(_folder);
        var followUp = Assert.Single(await after.SayAsync("alice", "打了电话,周五再跟进"));
        var store = after.Services.GetRequiredService<ICrmStore>();
        var followUps = await store.ReadAsync(s => s.FollowUps.ListForLead(lead, 10), default);
        var reminders = await store.ReadAsync(s => s.Reminders.PendingFor("alice", 10), default);

        Assert.StartsWith(lead, followUp.Fact("线索"), StringComparison.Ordinal);
        Assert.Equal(2, followUps.Count);
        Assert.Contains(reminders, reminder => reminder.Text.Contains("发合同", StringComparison.Ordinal) && reminder.State == ReminderState.Pending);
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
