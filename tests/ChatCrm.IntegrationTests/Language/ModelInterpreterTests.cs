using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Core.Store;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;
using ChatCrm.Language.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Language;

/// <summary>
/// The whole app with ChatCrm:Language:Provider=OpenAI pointed at a real OpenAI-compatible server on
/// loopback: a call becomes the intent the core acts on, and every way the model can fail ends in the
/// embedded interpreter's answer within the budget (1 s here).
/// </summary>
public sealed class ModelInterpreterTests : IAsyncLifetime
{
    /// <summary>The embedded rules read nothing in this; the model does.</summary>
    private const string Loose = "张伟那边聊完了,下礼拜三再碰";

    /// <summary>The embedded rules read this as a follow-up by phone with 张伟.</summary>
    private const string Plain = "今天给张伟打了电话,他很感兴趣,下周三再跟进";

    private ModelStandIn _model = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _model = await ModelStandIn.StartAsync();
        _app = new ChatCrmApp(settings: Settings(_model));
        _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    internal static Dictionary<string, string> Settings(ModelStandIn model) => new()
    {
        ["ChatCrm:Language:Provider"] = "OpenAI",
        ["ChatCrm:Language:OpenAI:Endpoint"] = model.Endpoint,
        ["ChatCrm:Language:OpenAI:ApiKey"] = "sk-test-key",
        ["ChatCrm:Language:OpenAI:Model"] = "test-model",
        ["ChatCrm:Language:OpenAI:TimeoutSeconds"] = "1",
        ["ChatCrm:Language:OpenAI:CircuitBreakSeconds"] = "1",
    };

    [Fact]
    public async Task A_message_the_rules_cannot_read_is_understood_by_the_model_and_logged_through_the_core()
    {
        Assert.IsType<UnknownIntent>(new EmbeddedInterpreter().Interpret(new Utterance(Loose, ChatCrmApp.Start)).Intent);
        _model.Script(ModelAnswer.Call("log_followup", """{"lead":"张伟","channel":"meeting","interest":"medium","next_at":"2026-11-25"}"""));

        var reply = Assert.Single(await _app.SayAsync("alice", Loose));

        Assert.Equal("已记录对 张伟 的跟进。", reply.Text);
        Assert.Equal(("会议", "2026-11-25", Loose), (reply.Fact("方式"), reply.Fact("下次跟进"), reply.Fact("内容")));
        var followUps = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session =>
            session.FollowUps.ListForLead(reply.Fact("线索").Split(' ')[0], 10), default);
        Assert.Equal(Loose, followUps[0].Summary);
    }

    [Fact]
    public async Task One_request_offers_every_crm_function_requires_a_call_and_carries_the_date_zone_and_language()
    {
        await _app.SayAsync("alice", Loose);

        var request = Assert.Single(_model.Received);
        Assert.Equal(("POST", "/v1/chat/completions", "Bearer sk-test-key"), (request.Method, request.Path, request.Authorization));
        Assert.Equal(CrmFunctions.Declarations.Select(function => "crm-" + function.Name), request.ToolNames);
        Assert.Equal("required", request.Body!["tool_choice"]!.GetValue<string>());
        Assert.Equal("test-model", request.Body["model"]!.GetValue<string>());
        Assert.Contains("Now: 2026-11-18 (Wednesday), 10:00, UTC offset +08:00.", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("The user writes in Chinese.", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("The lead linked to this chat: none.", request.SystemPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("{{$", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Equal(Loose, request.UserMessage);
    }

    [Fact]
    public async Task The_lead_linked_to_the_chat_is_in_the_prompt()
    {
        await _app.SayAsync("alice", "/link 张伟");
        await _app.SayAsync("alice", "he's keen, talk again Friday");

        var request = Assert.Single(_model.Received);
        Assert.Matches(@"The lead linked to this chat: L-\d{8}-\d{4} 张伟 \(字节跳动\)\.", request.SystemPrompt);
        Assert.Contains("The user writes in English.", request.SystemPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phones_and_emails_are_masked_on_the_wire_and_restored_from_what_was_typed()
    {
        _model.Script(ModelAnswer.Call("create_lead", """{"name":"李雷","phone":"[phone 1]","company":"星辰科技"}"""));

        var reply = Assert.Single(await _app.SayAsync("alice", "加个客户:李雷,139 1234 5678,lilei@xingchen.cn,星辰科技"));

        var sent = Assert.Single(_model.Received).UserMessage;
        Assert.Equal("加个客户:李雷,[phone 1],[email 1],星辰科技", sent);
        Assert.Matches(@"^已创建线索 L-20261118-\d{4}。$", reply.Text);
        var number = reply.Fact("线索");
        var lead = await _app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.Leads.Find(number), default);
        Assert.Equal("+8613912345678", lead!.Phone!.E164);
    }

    public static TheoryData<string, ModelAnswer[]> Failures => new()
    {
        { "500 twice (the retry fails too)", [ModelAnswer.Error(500), ModelAnswer.Error(500)] },
        { "429 asking for longer than the budget", [ModelAnswer.Error(429, new Dictionary<string, string> { ["Retry-After"] = "60" })] },
        { "a hang past the timeout", [ModelAnswer.Hung, ModelAnswer.Hung] },
        { "malformed JSON", [ModelAnswer.Raw("{\"choices\":[{\"message\":")] },
        { "an empty object", [ModelAnswer.Raw("{}")] },
        { "text and no call", [ModelAnswer.Text("好的,我记下了。")] },
        { "an unknown function", [ModelAnswer.Call("drop_all_leads", "{}")] },
        { "a function of another plugin", [ModelAnswer.Call("log_followup", "{}", plugin: "shell")] },
        { "arguments that are not JSON", [ModelAnswer.Call("log_followup", "lead=张伟")] },
        { "a date that is not ISO 8601", [ModelAnswer.Call("log_followup", """{"lead":"张伟","next_at":"next Wednesday"}""")] },
        { "a channel that does not exist", [ModelAnswer.Call("log_followup", """{"lead":"张伟","channel":"telepathy"}""")] },
        { "a phone that is not one", [ModelAnswer.Call("create_lead", """{"name":"李雷","phone":"12"}""")] },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Whatever_the_model_does_wrong_the_embedded_answer_comes_within_the_budget(string failure, ModelAnswer[] answers)
    {
        _model.Script(answers);

        var clock = Stopwatch.StartNew();
        var reply = Assert.Single(await _app.SayAsync("alice", Plain));
        var took = clock.Elapsed;

        Assert.True(reply.Text == "已记录对 张伟 的跟进。", $"{failure}: {reply.Text}");
        Assert.Equal(("电话", "2026-11-25"), (reply.Fact("方式"), reply.Fact("下次跟进")));
        // A bound on behaviour, not a performance number: one budget (1 s) plus a wide margin for a shared machine.
        Assert.True(took < TimeSpan.FromSeconds(4), $"{failure}: the answer took {took}");
        var status = _app.Services.GetRequiredService<LanguageModelHealth>().Status();
        Assert.Equal(1, status.Errors + status.Refused);
    }

    [Fact]
    public async Task A_500_is_retried_once()
    {
        _model.Script(ModelAnswer.Error(500), ModelAnswer.Call("log_followup", """{"lead":"张伟","channel":"meeting"}"""));

        var reply = Assert.Single(await _app.SayAsync("alice", Loose));

        Assert.Equal(2, _model.Received.Count);
        Assert.Equal("会议", reply.Fact("方式"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_it_asks_for_within_the_budget()
    {
        _model.Script(
            ModelAnswer.Error(429, new Dictionary<string, string> { ["Retry-After"] = "0" }),
            ModelAnswer.Call("log_followup", """{"lead":"张伟","channel":"visit"}"""));

        var reply = Assert.Single(await _app.SayAsync("alice", Loose));

        Assert.Equal(2, _model.Received.Count);
        Assert.Equal("拜访", reply.Fact("方式"));
    }

    [Fact]
    public async Task A_bare_answer_to_the_bots_question_is_the_rules_call_whatever_the_model_reads()
    {
        _model.Script(
            ModelAnswer.Call("transfer_lead", """{"lead":"张伟"}"""),
            ModelAnswer.Call("query_leads", """{"filter":"mine"}"""));

        var question = Assert.Single(await _app.SayAsync("alice", "张伟这单我不跟了,交给别人吧"));
        var done = Assert.Single(await _app.SayAsync("alice", "bob"));

        Assert.Contains("转给谁", question.Text, StringComparison.Ordinal);
        // "bob" is English to the language detector, so the answer is too.
        Assert.Equal("bob", done.Fact("Owner"));
    }

    [Fact]
    public async Task Slash_commands_never_reach_the_model()
    {
        await _app.SayAsync("alice", "/help");
        await _app.SayAsync("alice", "/list mine");

        Assert.Empty(_model.Received);
    }

    [Fact]
    public async Task When_the_model_and_the_rules_read_different_changes_the_person_chooses()
    {
        _model.Script(ModelAnswer.Call("set_reminder", """{"at":"2026-11-25T10:00","text":"给张伟打电话","lead":"张伟"}"""));

        var question = Assert.Single(await _app.SayAsync("alice", Plain));

        Assert.Equal("这句话我有两种理解,你指的是哪一个?点一下我再执行。", question.Text);
        Assert.Equal(["设提醒: 2026-11-25T10:00 · 给张伟打电话 · 张伟", "记录跟进: 张伟 · call · high", "都不是"], question.Actions.Select(action => action.Title));
        var reminder = Assert.Single(await _app.PressAsync("alice", question.Actions[0]));
        Assert.StartsWith("好的", reminder.Text, StringComparison.Ordinal);
        var store = _app.Services.GetRequiredService<ICrmStore>();
        Assert.Equal(0, await store.ReadAsync(session => session.FollowUps.ListForLead(LeadOf(session, "张伟"), 10).Count(followUp => followUp.Summary == Plain), default));
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_closes_when_the_model_answers_again()
    {
        _model.Script(ModelAnswer.Error(500), ModelAnswer.Error(500), ModelAnswer.Error(500), ModelAnswer.Error(500));
        await _app.SayAsync("alice", Plain);
        await _app.SayAsync("alice", Plain);
        var health = _app.Services.GetRequiredService<LanguageModelHealth>();
        Assert.Equal(LanguageModelState.CircuitOpen, health.Status().State);

        var whileOpen = Assert.Single(await _app.SayAsync("alice", Plain));
        Assert.Equal(4, _model.Received.Count);
        Assert.Equal("已记录对 张伟 的跟进。", whileOpen.Text);

        // The breaker keeps real time (CircuitBreakSeconds=1): wait it out.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        _model.Script(ModelAnswer.Call("log_followup", """{"lead":"张伟","channel":"meeting"}"""));
        var afterwards = Assert.Single(await _app.SayAsync("alice", Loose));

        Assert.Equal(5, _model.Received.Count);
        Assert.Equal("会议", afterwards.Fact("方式"));
        Assert.Equal(LanguageModelState.Ok, health.Status().State);
    }

    [Fact]
    public async Task Health_and_admin_status_show_the_language_path()
    {
        _model.Script(ModelAnswer.Error(500), ModelAnswer.Error(500));
        await _app.SayAsync("alice", Plain);

        var health = await _app.CreateClient().GetFromJsonAsync<JsonObject>("/health");
        var status = Assert.Single(await _app.SayAsync("admin", "/admin status"));

        Assert.Equal(("openai", "degraded", 1L), (health!["language"]!["provider"]!.GetValue<string>(), health["language"]!["state"]!.GetValue<string>(), health["language"]!["errors"]!.GetValue<long>()));
        Assert.StartsWith("⚠️ 降级(由内置解析器回答),自 2026-11-18 10:00 起 · 1 次调用 · 1 次失败", status.Fact("语言模型(实时)"), StringComparison.Ordinal);
        Assert.Contains("the endpoint answered 500", status.Fact("语言模型(实时)"), StringComparison.Ordinal);
    }

    private static string LeadOf(ICrmSession session, string name) =>
        session.Leads.List(new LeadQuery { OwnerKey = "alice", Limit = 50 }).Single(lead => lead.Name == name).Number;
}
