using System.Net;
using System.Net.Http.Json;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Store;
using ChatCrm.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Intake;

/// <summary>An admin manages intake sources in chat, and what they do there holds at the endpoint.</summary>
public sealed class IntakeAdminTests : IDisposable
{
    private readonly ChatCrmApp _app = new(settings: IntakeClient.Settings);
    private readonly IntakeClient _intake;

    public IntakeAdminTests() => _intake = new IntakeClient(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_list_shows_each_sources_counts_of_the_last_24_hours_and_its_last_error()
    {
        await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, idempotencyKey: "k1");
        await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, idempotencyKey: "k1");
        await _intake.PostJsonAsync("webform", new { name = "陈小姐", phone = "13912345678" });
        await _intake.PostJsonAsync("webform", new { name = "陈静" });
        await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, secret: "not-the-secret-000000");

        var reply = Assert.Single(await _app.SayAsync("admin", "/admin source list"));

        Assert.Equal("线索接入源(最近 24 小时):", reply.Text);
        Assert.Equal("收到 5 · 新线索 1 · 重复 1 · 拒绝 2 · 重试 1\n最近错误 2026-11-18 10:00:the signature does not match", reply.Fact("webform · web · east · 开"));
        Assert.StartsWith("收到 0", reply.Fact("douyin · douyin · south · 开"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_added_in_chat_takes_leads_signed_with_the_secret_shown_once()
    {
        var added = Assert.Single(await _app.SayAsync("admin", "/admin source add partner partner south"));
        var secret = added.Fact("密钥");

        var response = await _intake.PostJsonAsync("partner", new { name = "王强", phone = "13912340001" }, secret: secret);

        Assert.StartsWith("已添加接入源 partner", added.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!.Lead;
        Assert.Equal("south", (await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(number), default))!.TeamKey);
    }

    [Fact]
    public async Task After_a_rotation_the_old_secret_is_refused_and_the_new_one_taken()
    {
        var rotated = Assert.Single(await _app.SayAsync("admin", "/admin source secret webform"));

        var old = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" });
        var fresh = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, secret: rotated.Fact("密钥"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Created), (old.StatusCode, fresh.StatusCode));
    }

    [Fact]
    public async Task A_source_switched_back_on_takes_leads_again()
    {
        await _app.SayAsync("admin", "/admin source off webform");
        var on = Assert.Single(await _app.SayAsync("admin", "/admin source on webform"));

        var response = await _intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" });

        Assert.Equal("接入源 webform 已开启,开始接收线索。", on.Text);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Only_admins_may_manage_sources()
    {
        var refused = Assert.Single(await _app.SayAsync("wang", "/admin source off webform"));

        Assert.Equal("抱歉,只有管理员可以这样做。", refused.Text);
        Assert.True((await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Intake.FindSource("webform"), default))!.Enabled);
    }

    [Fact]
    public async Task An_unknown_source_and_a_missing_key_are_answered_with_what_to_do()
    {
        Assert.Contains("/admin source list", Assert.Single(await _app.SayAsync("admin", "/admin source secret nosuch")).Text, StringComparison.Ordinal);
        Assert.StartsWith("用法:/admin source list", Assert.Single(await _app.SayAsync("admin", "/admin source add")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_of_a_lead_that_comes_in_again_is_told_in_their_chat()
    {
        // 刘女士 of 美团 is alice's demo lead, phone 13800138005; alice reads English.
        var response = await _intake.PostJsonAsync("webform", new { name = "刘女士", phone = "13800138005", message = "想再了解一下" });

        var answer = (await response.Content.ReadFromJsonAsync<IntakeResponse>())!;
        Assert.Equal((true, "owned", "alice"), (answer.Duplicate, answer.Assignment, answer.AssignedTo));
        var told = await WaitForInboxAsync("alice");
        Assert.Contains(told, notice => notice.Text.StartsWith($"The customer of lead {answer.Lead} 刘女士 came in again through webform", StringComparison.Ordinal) && notice.Fact("Note") == "想再了解一下");
    }

    private async Task<IReadOnlyList<Channels.Conversation.ChatReply>> WaitForInboxAsync(string user)
    {
        // The notice router runs on its own timer.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var inbox = await _app.InboxAsync(user);
            if (inbox.Count > 0)
            {
                return inbox;
            }

            _app.Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }

        return [];
    }
}
