using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.IntegrationTests.Language;

/// <summary>ChatCrm:Language is checked at start, and a mistake stops it with a message naming the setting.</summary>
public sealed class LanguageSettingsTests
{
    [Theory]
    [InlineData("Endpoint", "", "ChatCrm:Language:OpenAI:Endpoint must be the http(s) address")]
    [InlineData("Endpoint", "api.openai.com/v1", "ChatCrm:Language:OpenAI:Endpoint must be the http(s) address")]
    [InlineData("Model", "", "ChatCrm:Language:OpenAI:Model must name the model")]
    [InlineData("TimeoutSeconds", "0", "ChatCrm:Language:OpenAI:TimeoutSeconds must be between 0 and 60")]
    public void A_bad_setting_stops_the_start_naming_it(string setting, string value, string message)
    {
        var settings = new Dictionary<string, string>
        {
            ["ChatCrm:Language:Provider"] = "OpenAI",
            ["ChatCrm:Language:OpenAI:Endpoint"] = "http://127.0.0.1:9/v1",
            ["ChatCrm:Language:OpenAI:Model"] = "test-model",
            [$"ChatCrm:Language:OpenAI:{setting}"] = value,
        };
        using var app = new ChatCrmApp(settings: settings);

        var failure = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prompts_folder_that_is_not_there_stops_the_start()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Language:Provider"] = "OpenAI",
            ["ChatCrm:Language:OpenAI:Endpoint"] = "http://127.0.0.1:9/v1",
            ["ChatCrm:Language:OpenAI:Model"] = "test-model",
            ["ChatCrm:Language:PromptsFolder"] = "/nonexistent/prompts",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("The prompts folder '/nonexistent/prompts' does not exist", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_default_needs_no_model_settings()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { ["ChatCrm:Language:OpenAI:TimeoutSeconds"] = "0" });

        app.CreateClient();

        Assert.IsType<ChatCrm.Language.Embedded.EmbeddedInterpreter>(app.Services.GetRequiredService<ChatCrm.Language.IInterpreter>());
        Assert.Equal(ChatCrm.Language.Model.LanguageModelState.Off, app.Services.GetRequiredService<ChatCrm.Language.Model.LanguageModelHealth>().Status().State);
    }
}
