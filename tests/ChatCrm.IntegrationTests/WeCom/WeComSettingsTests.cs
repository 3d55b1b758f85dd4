using Microsoft.Extensions.Options;

namespace ChatCrm.IntegrationTests.WeCom;

public sealed class WeComSettingsTests
{
    [Fact]
    public void Switched_on_without_its_secret_the_app_stops_at_start_naming_the_setting()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:WeCom:Enabled"] = "true",
            ["ChatCrm:WeCom:CorpId"] = "ww0123456789abcdef",
            ["ChatCrm:WeCom:AgentId"] = "1000002",
            ["ChatCrm:WeCom:Token"] = "callback-token",
            ["ChatCrm:WeCom:EncodingAesKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
        });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ChatCrm:WeCom:Secret is required", refused.Message, StringComparison.Ordinal);
    }
}
