using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace ChatCrm.Language.Model;

/// <summary>A prompt folder could not be used; the message names the file and what is wrong.</summary>
public sealed class PromptFolderException(string message) : Exception(message);

/// <summary>
/// The prompts in <c>prompts/</c>, one Semantic Kernel prompt folder each (<c>skprompt.txt</c> plus
/// <c>config.json</c>), loaded and checked once at start. Semantic Kernel renders a variable nobody
/// supplied as empty text without a word, so every variable a template uses must be declared in its
/// config and supplied by the code, and every declared one used: a typo fails the start, not the answers.
/// </summary>
public sealed partial class PromptLibrary
{
    /// <summary>The prompt that turns a message into one crm function call.</summary>
    public const string Understand = "understand";

    /// <summary>The prompt that summarises a lead's follow-ups.</summary>
    public const string Summarize = "summarize";

    /// <summary>The variables the code supplies to each prompt.</summary>
    public static IReadOnlyDictionary<string, string[]> Supplied { get; } = new Dictionary<string, string[]>
    {
        [Understand] = ["today", "weekday", "time", "zone", "language", "linked_lead", "stages"],
        [Summarize] = ["today", "language", "lead", "follow_ups"],
    };

    private readonly Dictionary<string, (PromptTemplateConfig Config, IPromptTemplate Template)> prompts;

    private PromptLibrary(Dictionary<string, (PromptTemplateConfig Config, IPromptTemplate Template)> prompts) => this.prompts = prompts;

    public static PromptLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new PromptFolderException($"The prompts folder '{folder}' does not exist (ChatCrm:Language:PromptsFolder).");
        }

        // The rendered text becomes a system message as it is, never parsed as chat markup, so
        // values need no HTML encoding (which would turn a company's "<" into "&lt;").
        var factory = new KernelPromptTemplateFactory { AllowDangerouslySetContent = true };
        var loaded = new Dictionary<string, (PromptTemplateConfig, IPromptTemplate)>(StringComparer.Ordinal);
        foreach (var (name, supplied) in Supplied)
        {
            var config = ReadConfig(Path.Combine(folder, name));
            CheckVariables(Path.Combine(folder, name), config, supplied);
            loaded[name] = (config, factory.Create(config));
        }

        return new PromptLibrary(loaded);
    }

    /// <summary>The prompt's text with the values filled in.</summary>
    public Task<string> RenderAsync(string name, Kernel kernel, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var (_, template) = prompts[name];
        var arguments = new KernelArguments();
        foreach (var (key, value) in values)
        {
            arguments[key] = value;
        }

        return template.RenderAsync(kernel, arguments, cancellationToken);
    }

    /// <summary>The execution settings the prompt's config.json sets (temperature, max tokens).</summary>
    public PromptExecutionSettings? SettingsOf(string name) =>
        prompts[name].Config.ExecutionSettings.TryGetValue(PromptExecutionSettings.DefaultServiceId, out var settings) ? settings : null;

    private static PromptTemplateConfig ReadConfig(string folder)
    {
        var templateFile = Path.Combine(folder, "skprompt.txt");
        var configFile = Path.Combine(folder, "config.json");
        if (!File.Exists(templateFile) || !File.Exists(configFile))
        {
            throw new PromptFolderException($"The prompt folder '{folder}' needs skprompt.txt and config.json.");
        }

        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(File.ReadAllText(configFile));
        }
        catch (Exception exception) when (exception is ArgumentException or System.Text.Json.JsonException)
        {
            throw new PromptFolderException($"{configFile} is not a prompt config: {exception.Message}");
        }

        config.Template = File.ReadAllText(templateFile);
        config.TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat;
        config.Name ??= Path.GetFileName(folder);
        return config;
    }

    private static void CheckVariables(string folder, PromptTemplateConfig config, string[] supplied)
    {
        var used = Variable().Matches(config.Template).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var declared = config.InputVariables.Select(variable => variable.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(used.Except(declared).Select(name => $"{{{{${name}}}}} is used in skprompt.txt but not declared in config.json"));
        problems.AddRange(declared.Except(used).Select(name => $"'{name}' is declared in config.json but skprompt.txt never uses it"));
        problems.AddRange(declared.Except(supplied).Select(name => $"'{name}' is not a value ChatCrm supplies (it supplies {string.Join(", ", supplied)})"));
        problems.AddRange(supplied.Except(declared).Select(name => $"'{name}' is supplied by ChatCrm but not declared in config.json"));
        if (problems.Count > 0)
        {
            throw new PromptFolderException($"The prompt in '{folder}': {string.Join("; ", problems)}.");
        }
    }

    [GeneratedRegex(@"\{\{\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
