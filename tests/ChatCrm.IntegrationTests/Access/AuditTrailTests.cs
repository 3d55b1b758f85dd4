using System.Diagnostics;
using System.Net.Http.Json;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using LiteDB;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Access;

/// <summary>
/// The audit trail from the chat and from the command line: a lead's history for those who may see
/// it, the chain verified by an admin, and a tampered database file caught by `audit verify`.
/// </summary>
public sealed class AuditTrailTests
{
    [Fact]
    public async Task A_leads_history_lists_who_did_what_through_which_channel_for_those_who_may_see_it()
    {
        using var app = new ChatCrmApp();
        await app.SayAsync("alice", "/stage 张伟 proposal");
        await app.SayAsync("alice", "/phone 张伟");

        var history = Assert.Single(await app.SayAsync("alice", "/history 张伟"));
        var outsider = Assert.Single(await app.SayAsync("carol", "/history 张伟"));

        Assert.StartsWith("Everything that happened to L-", history.Text, StringComparison.Ordinal);
        Assert.Contains("full contact viewed", history.Facts[0].Value, StringComparison.Ordinal);
        Assert.Contains(history.Facts, fact => fact.Value.Contains("stage change · contacted → proposal", StringComparison.Ordinal));
        Assert.All(history.Facts, fact => Assert.DoesNotContain("13800138003", fact.Value, StringComparison.Ordinal));
        Assert.StartsWith("没有找到「张伟」", outsider.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_history_comes_ten_entries_at_a_time_with_a_more_button()
    {
        using var app = new ChatCrmApp();
        for (var change = 0; change < 12; change++)
        {
            await app.SayAsync("alice", change % 2 == 0 ? "/stage 张伟 proposal" : "/stage 张伟 qualified");
        }

        var first = Assert.Single(await app.SayAsync("alice", "/history 张伟"));
        var second = Assert.Single(await app.PressAsync("alice", first.Button("More")));

        Assert.StartsWith("The last 10 entries of L-", first.Text, StringComparison.Ordinal);
        Assert.Equal(10, first.Facts.Count);
        Assert.StartsWith("Earlier entries of L-", second.Text, StringComparison.Ordinal);
        Assert.Contains(second.Facts, fact => fact.Value.StartsWith("stage change · proposal → qualified", StringComparison.Ordinal) || fact.Value.StartsWith("stage change · contacted → proposal", StringComparison.Ordinal));
        var lead = first.Text["The last 10 entries of ".Length..].Split(' ')[0];
        var total = (await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Audit.ForLead(lead, 100), default)).Count;
        Assert.Equal(Math.Min(10, total - 10), second.Facts.Count);
    }

    [Fact]
    public async Task An_entry_keeps_the_address_and_browser_the_web_chat_was_used_from()
    {
        using var app = new ChatCrmApp();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Test) ChatCrmTests/1.0");

        (await client.PostAsJsonAsync("/api/webchat", new WebChatRequest("alice", "c1", "/stage 张伟 qualified", null, "m-ua-1"))).EnsureSuccessStatusCode();

        var store = app.Services.GetRequiredService<ICrmStore>();
        var lead = await store.ReadAsync(session => session.Leads.FindByKey(Core.Leads.LeadSearchKeys.ForMention("张伟"), 1).Single().Number, default);
        var entry = (await store.ReadAsync(session => session.Audit.ForLead(lead, 5), default)).First(audited => audited.Action == AuditActions.ChangeStage);
        Assert.Equal("Mozilla/5.0 (Test) ChatCrmTests/1.0", entry.Device);
        Assert.NotNull(entry.Seal);
    }

    [Fact]
    public async Task A_sidebar_sign_in_is_an_audit_entry_with_address_and_browser()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { [$"{SidebarOptions.SectionName}:DevLogin"] = "true" });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd("wxwork/4.1 Mobile");

        (await client.GetAsync("/sidebar/dev-login?user=alice&contact=wmEXAMPLE")).Dispose();

        var entries = await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Audit.RecentBy("alice", null, ChatCrmApp.Start.AddHours(-1), 5), default);
        var signIn = Assert.Single(entries, entry => entry.Action == RecordSignIn.SidebarSignIn);
        Assert.Equal(("wecom", "ok", "wxwork/4.1 Mobile"), (signIn.Channel, signIn.Result, signIn.Device));
    }

    [Fact]
    public async Task The_chain_verifies_in_chat_and_a_tampered_file_is_caught_by_the_command_line()
    {
        using var folder = new TempFolder();
        var app = new ChatCrmApp(folder);
        await app.SayAsync("alice", "/stage 张伟 proposal");
        await app.SayAsync("admin", "/admin user add qian 钱会计 position=finance");
        var refused = Assert.Single(await app.SayAsync("alice", "/admin audit verify"));
        var verified = Assert.Single(await app.SayAsync("admin", "/admin audit verify"));
        var database = app.DatabasePath;
        await app.StopAsync();

        Assert.Contains("only an admin", refused.Text, StringComparison.Ordinal);
        Assert.StartsWith("审计链完整", verified.Text, StringComparison.Ordinal);
        Assert.Equal((0, "the audit chain holds"), await VerifyFromCommandLineAsync(database));

        long tampered;
        using (var file = new LiteDatabase($"Filename={database};Connection=direct"))
        {
            // The stage change, made to look like it was never a move to proposal.
            var audit = file.GetCollection("audit");
            var entry = audit.FindOne(Query.EQ("Action", AuditActions.ChangeStage));
            entry["Action"] = AuditActions.LogFollowUp;
            audit.Update(entry);
            tampered = entry["Seq"].AsInt64;
        }

        var (exit, verdict) = await VerifyFromCommandLineAsync(database);
        Assert.Equal(1, exit);
        Assert.StartsWith($"BROKEN at entry {tampered}: hash", verdict, StringComparison.Ordinal);
    }

    // The real executable, as an admin runs it on the server: `dotnet ChatCrm.dll audit verify --database FILE`.
    private static async Task<(int Exit, string LastLine)> VerifyFromCommandLineAsync(string database)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "ChatCrm.dll"), "audit", "verify", "--database", database])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0, errors);
        return (process.ExitCode, lines[^1]);
    }
}
