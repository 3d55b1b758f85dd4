using ChatCrm.Core.Health;
using ChatCrm.IntegrationTests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Digest;

/// <summary>The language model check asks GET {endpoint}/models with the key, here of a loopback stand-in; no endpoint, no check.</summary>
public sealed class LanguageModelHealthTests : IAsyncLifetime
{
    private ConnectorStandIn _model = null!;

    public async Task InitializeAsync() => _model = await ConnectorStandIn.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task The_model_endpoint_is_asked_for_its_models_with_the_key()
    {
        await using var app = AppWithModel();

        var result = await CheckAsync(app);

        var request = Assert.Single(_model.Received);
        Assert.Equal((true, "GET", "/v1/models", "Bearer sk-test-key"), (result.Healthy, request.Method, request.PathAndQuery, request.Authorization));
    }

    [Fact]
    public async Task A_refused_key_fails_the_check_without_showing_the_key()
    {
        _model.FailNext(401);
        await using var app = AppWithModel();

        var result = await CheckAsync(app);

        Assert.Equal(CheckResult.Failed($"GET {_model.ServiceUrl}v1/models answered 401 Unauthorized"), result);
    }

    [Fact]
    public async Task Without_an_endpoint_there_is_nothing_to_check()
    {
        await using var app = new ChatCrmApp();
        app.CreateClient();

        Assert.Equal(CheckResult.NotConfigured, await CheckAsync(app));
    }

    private ChatCrmApp AppWithModel()
    {
        var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Language:OpenAI:Endpoint"] = _model.ServiceUrl + "v1",
            ["ChatCrm:Language:OpenAI:ApiKey"] = "sk-test-key",
        });
        app.CreateClient();
        return app;
    }

    private static Task<CheckResult> CheckAsync(ChatCrmApp app) =>
        app.Services.GetServices<IIntegrationCheck>().Single(check => check.Name == "language-model").CheckAsync(default);
}
