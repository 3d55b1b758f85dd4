namespace ChatCrm.Language.Model;

/// <summary>Which interpreter reads messages.</summary>
public enum LanguageProvider
{
    /// <summary>The built-in zh/en rules: nothing to install, nothing leaves the process.</summary>
    Embedded,

    /// <summary>Any OpenAI-compatible chat completions endpoint, with the embedded rules as the fallback.</summary>
    OpenAI,
}

/// <summary><c>ChatCrm:Language</c> in appsettings.json.</summary>
public sealed class LanguageOptions
{
    public const string Section = "ChatCrm:Language";

    public LanguageProvider Provider { get; set; } = LanguageProvider.Embedded;

    /// <summary>Where the prompt folders are; by default <c>prompts/</c> in the repository (or beside the binary).</summary>
    public string? PromptsFolder { get; set; }

    public OpenAIModelOptions OpenAI { get; set; } = new();

    /// <summary>What is wrong with the settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (Provider != LanguageProvider.OpenAI)
        {
            return [];
        }

        var problems = new List<string>();
        const string Prefix = Section + ":OpenAI:";
        if (!Uri.TryCreate(OpenAI.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problems.Add($"{Prefix}Endpoint must be the http(s) address of an OpenAI-compatible API including its version path (e.g. https://api.openai.com/v1, http://127.0.0.1:11434/v1); it is '{OpenAI.Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(OpenAI.Model))
        {
            problems.Add($"{Prefix}Model must name the model to ask (e.g. gpt-4o-mini, deepseek-chat, qwen-plus).");
        }

        if (OpenAI.TimeoutSeconds is <= 0 or > 60)
        {
            problems.Add($"{Prefix}TimeoutSeconds must be between 0 and 60 (a chat turn waits this long at most); it is {OpenAI.TimeoutSeconds}.");
        }

        if (OpenAI.CircuitBreakSeconds is < 1 or > 3600)
        {
            problems.Add($"{Prefix}CircuitBreakSeconds must be between 1 and 3600; it is {OpenAI.CircuitBreakSeconds}.");
        }

        return problems;
    }
}

/// <summary><c>ChatCrm:Language:OpenAI</c>. The key comes from the environment or user secrets, never the repository.</summary>
public sealed class OpenAIModelOptions
{
    /// <summary>The API's base address including its version path, e.g. https://api.deepseek.com/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Empty for endpoints that take none (a local Ollama or vLLM).</summary>
    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>The whole budget of one model call, retry included; past it the embedded interpreter answers.</summary>
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>How long a failing endpoint is left alone once the circuit opens.</summary>
    public double CircuitBreakSeconds { get; set; } = 30;

    /// <summary>False (the default): phones and emails are replaced by placeholders before a message leaves the process.</summary>
    public bool SendContactDetails { get; set; }
}
