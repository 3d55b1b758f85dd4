using ChatCrm.Core.Health;
using ChatCrm.Core.Store;
using ChatCrm.IntegrationTests.WeCom;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Digest;

/// <summary>The WeCom check asks the WeCom stand-in's gettoken; a secret it refuses is a failing integration whose error names WeCom's code, not the secret.</summary>
public sealed class WeComHealthTests : IAsyncLifetime
{
    private WeComStandIn _wecom = null!;

    public async Task InitializeAsync() => _wecom = await WeComStandIn.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Theory]
    [InlineData(WeComStandIn.Secret, true, null)]
    [InlineData("a-rotated-secret", false, "gettoken: errcode 40001 invalid credential")]
    public async Task The_WeCom_check_gets_an_access_token(string secret, bool healthy, string? error)
    {
        await using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:WeCom:Enabled"] = "true",
            ["ChatCrm:WeCom:CorpId"] = WeComStandIn.CorpId,
            ["ChatCrm:WeCom:AgentId"] = "1000002",
            ["ChatCrm:WeCom:Secret"] = secret,
            ["ChatCrm:WeCom:Token"] = "callback-token",
            ["ChatCrm:WeCom:EncodingAesKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            ["ChatCrm:WeCom:ApiBaseUrl"] = _wecom.ApiBaseUrl,
        });
        app.CreateClient();

        await app.Services.GetRequiredService<CheckIntegrations>().RunAsync(default);

        var state = await app.Services.GetRequiredService<ICrmStore>().ReadAsync(session => session.IntegrationHealth.Find("wecom"), default);
        Assert.Equal((healthy, error), (state!.Healthy, state.LastError));
    }
}
