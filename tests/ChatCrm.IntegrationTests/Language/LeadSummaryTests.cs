using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Language;

/// <summary>
/// "张伟那边最近怎么样": without a model the last three follow-ups answer as facts; with one, the
/// model writes a summary from that lead's follow-ups only, contacts masked, and the facts follow it.
/// </summary>
public sealed class LeadSummaryTests : IAsyncLifetime
{
    private ModelStandIn _model = null!;

    public async Task InitializeAsync() => _model = await ModelStandIn.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task Without_a_model_the_last_three_follow_ups_answer_newest_first()
    {
        using var app = new ChatCrmApp();
        foreach (var note in (string[])["给张伟打了电话,聊了需求", "微信跟张伟聊了预算", "拜访了张伟,见了技术负责人", "给张伟打电话,他很感兴趣"])
        {
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.StartsWith("已记录对 张伟 的跟进", Assert.Single(await app.SayAsync("alice", note)).Text, StringComparison.Ordinal);
        }

        var reply = Assert.Single(await app.SayAsync("alice", "张伟那边最近怎么样"));

        Assert.Matches(@"^L-\d{8}-\d{4} 张伟 · 字节跳动 最近的跟进:$", reply.Text);
        Assert.Equal(["给张伟打电话,他很感兴趣", "拜访了张伟,见了技术负责人", "微信跟张伟聊了预算"], reply.Facts.Where(fact => fact.Label.Contains("Alice", StringComparison.Ordinal)).Select(fact => fact.Value));
        Assert.DoesNotContain("AI", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_name_fits_two_leads_the_chosen_button_answers_for_that_lead()
    {
        using var app = new ChatCrmApp();

        // wang manages the East team, where three leads are called 王总.
        var question = Assert.Single(await app.SayAsync("wang", "王总那边最近怎么样"));
        var chosen = question.Actions[0].Payload["lead"];
        var answer = Assert.Single(await app.PressAsync("wang", question.Actions[0]));

        Assert.True(question.Actions.Count >= 2, question.Text);
        Assert.StartsWith(chosen + " 王总", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_outside_the_askers_scope_answers_as_not_found()
    {
        using var app = new ChatCrmApp();
        var bobs = await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session =>
            session.Leads.List(new LeadQuery { OwnerKey = "bob", Limit = 1 }).Single().Number, default);

        var reply = Assert.Single(await app.SayAsync("alice", $"/summary {bobs}"));

        Assert.Equal($"I couldn't find \"{bobs}\". Use a lead number (like L-20261118-0007), a name or a company, or create the lead first.", reply.Text);
    }

    [Fact]
    public async Task With_a_model_its_summary_comes_first_written_from_that_leads_masked_follow_ups()
    {
        using var app = new ChatCrmApp(settings: ModelInterpreterTests.Settings(_model));
        _model.Script(ModelAnswer.Call("log_followup", """{"lead":"张伟","channel":"call"}"""));
        await app.SayAsync("alice", "今天给张伟打了电话,他的新号码 13912345678,很感兴趣");
        var before = _model.Received.Count;
        _model.Script(
            ModelAnswer.Call("summarize_lead", """{"lead":"张伟"}"""),
            ModelAnswer.Text("张伟很感兴趣,刚通过电话,下一步待定。"));

        var reply = Assert.Single(await app.SayAsync("alice", "张伟那边聊得咋样,给我捋一捋"));

        Assert.EndsWith("AI 摘要:张伟很感兴趣,刚通过电话,下一步待定。", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Facts, fact => fact.Value.Contains("13912345678", StringComparison.Ordinal));
        var prompt = _model.Received.Skip(before + 1).Single().UserMessage;
        Assert.Contains("张伟 (字节跳动)", prompt, StringComparison.Ordinal);
        Assert.Contains("他的新号码 [phone 1]", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("华为", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_model_leaves_the_facts()
    {
        using var app = new ChatCrmApp(settings: ModelInterpreterTests.Settings(_model));
        _model.Script(ModelAnswer.Error(500), ModelAnswer.Error(500), ModelAnswer.Error(500), ModelAnswer.Error(500));

        var reply = Assert.Single(await app.SayAsync("alice", "张伟那边最近怎么样"));

        Assert.Matches(@"^L-\d{8}-\d{4} 张伟 · 字节跳动 最近的跟进:$", reply.Text);
    }
}
