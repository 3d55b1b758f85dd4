using ChatCrm.Core.Health;
using ChatCrm.IntegrationTests.Language;
using ChatCrm.Jobs;
using ChatCrm.Language.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.IntegrationTests.Digest;

/// <summary>
/// The language model's health: a failure only degrades it (the embedded interpreter answers), ten
/// minutes of failing alerts the admins through the outbox, once, and its recovery once; a quiet
/// model is probed with GET {endpoint}/models and the key. No model configured, nothing to check.
/// </summary>
public sealed class LanguageModelHealthTests : IAsyncLifetime
{
    private const string Plain = "今天给张伟打了电话,他很感兴趣,下周三再跟进";

    private ModelStandIn _model = null!;

    public async Task InitializeAsync() => _model = await ModelStandIn.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task A_quiet_model_is_probed_for_its_models_with_the_key()
    {
        await using var app = AppWithModel();

        var result = await CheckAsync(app);

        var request = Assert.Single(_model.Received);
        Assert.Equal((true, "GET", "/v1/models", "Bearer sk-test-key"), (result.Healthy, request.Method, request.Path, request.Authorization));
    }

    [Fact]
    public async Task A_refused_probe_degrades_at_once_and_fails_the_check_after_ten_minutes_without_showing_the_key()
    {
        _model.Otherwise = ModelAnswer.Error(401);
        await using var app = AppWithModel();

        var first = await CheckAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = await CheckAsync(app);

        Assert.True(first.Healthy);
        Assert.False(later.Healthy);
        Assert.StartsWith("failing since 2026-11-18 02:00 UTC: GET ", later.Error, StringComparison.Ordinal);
        Assert.Contains("/v1/models answered 401 Unauthorized", later.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-key", later.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_minutes_of_failing_messages_alert_the_admins_once_and_the_recovery_once()
    {
        _model.Otherwise = ModelAnswer.Error(500);
        await using var app = AppWithModel();
        var alarm = app.Services.GetServices<IHostedService>().OfType<LanguageModelAlarm>().Single();

        await app.SayAsync("alice", Plain);
        await alarm.TickAsync(default);
        var early = await app.InboxAsync("admin");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await app.SayAsync("alice", Plain);
        await alarm.TickAsync(default);
        await alarm.TickAsync(default);
        var down = await app.InboxAsync("admin");
        _model.Otherwise = ModelAnswer.Call("unknown", "{}");
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the circuit's real-time break (CircuitBreakSeconds=1)
        await app.SayAsync("alice", Plain);
        await alarm.TickAsync(default);
        var recovered = await app.InboxAsync("admin");

        Assert.Empty(early);
        Assert.Equal(["⚠️ 语言模型 连接异常,健康检查失败。恢复时会再通知你。发送 /admin health 查看各集成状态。"], down.Select(reply => reply.Text));
        Assert.Equal(["✅ 语言模型 已恢复正常。"], recovered.Select(reply => reply.Text));
    }

    [Fact]
    public async Task Without_a_model_there_is_nothing_to_check()
    {
        await using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            // An endpoint alone does not switch the model on: Provider does.
            ["ChatCrm:Language:OpenAI:Endpoint"] = _model.Endpoint,
        });
        app.CreateClient();

        Assert.Equal(CheckResult.NotConfigured, await CheckAsync(app));
        Assert.Equal(LanguageModelState.Off, app.Services.GetRequiredService<LanguageModelHealth>().Status().State);
    }

    private ChatCrmApp AppWithModel()
    {
        var app = new ChatCrmApp(settings: ModelInterpreterTests.Settings(_model));
        app.CreateClient();
        return app;
    }

    private static Task<CheckResult> CheckAsync(ChatCrmApp app) =>
        app.Services.GetServices<IIntegrationCheck>().Single(check => check.Name == "language-model").CheckAsync(default);
}
