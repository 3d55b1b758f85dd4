using ChatCrm.Intake;
using ChatCrm.IntegrationTests.WeCom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.IntegrationTests.Intake;

public sealed class IntakeSettingsTests
{
    [Fact]
    public void A_configured_source_with_a_short_secret_stops_the_app_at_start_naming_the_setting()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>(IntakeClient.Settings) { ["ChatCrm:Intake:Sources:1:Secret"] = "short" });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ChatCrm:Intake:Sources:1:Secret must be at least 16 characters", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_to_a_field_that_does_not_exist_stops_the_app_at_start()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>(IntakeClient.Settings) { ["ChatCrm:Intake:Sources:1:Fields:微信"] = "wechat" });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ChatCrm:Intake:Sources:1:Fields:微信 maps to 'wechat'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_with_another_configured_secret_keeps_the_stored_one_and_says_so_without_either()
    {
        using var folder = new TempFolder();
        using (var first = new ChatCrmApp(folder, settings: IntakeClient.Settings))
        {
            first.CreateClient();
            await first.StopAsync();
        }

        var logs = new CapturedLogs();
        using var second = new ChatCrmApp(
            folder,
            settings: new Dictionary<string, string>(IntakeClient.Settings) { ["ChatCrm:Intake:Sources:0:Secret"] = "a-newer-configured-secret-000" },
            services: services => services.AddSingleton<ILoggerProvider>(logs));

        var response = await new IntakeClient(second).PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" });

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var warning = Assert.Single(logs.Warnings, line => line.Contains("configured secret", StringComparison.Ordinal));
        Assert.DoesNotContain(IntakeClient.WebformSecret, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("a-newer-configured-secret", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_reaches_the_log_whatever_is_refused()
    {
        var logs = new CapturedLogs();
        using var app = new ChatCrmApp(settings: IntakeClient.Settings, services: services => services.AddSingleton<ILoggerProvider>(logs));
        var intake = new IntakeClient(app);

        await intake.PostJsonAsync("webform", new { name = "陈静", phone = "13912345678" }, secret: "wrong-secret-0000000000");
        await intake.PostJsonAsync("webform", new { name = "陈静" });
        await app.SayAsync("admin", "/admin source add partner partner");

        Assert.NotEmpty(logs.Warnings);
        Assert.DoesNotContain(logs.Warnings, line => line.Contains(IntakeClient.WebformSecret, StringComparison.Ordinal) || line.Contains("13912345678", StringComparison.Ordinal));
    }
}
