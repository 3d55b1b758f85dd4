using System.Globalization;
using ChatCrm.Language.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ChatCrm.Language.Model;

/// <summary>
/// Reads messages with a language model through Semantic Kernel, and is never worse than the
/// embedded interpreter: slash commands stay with the rules; every other message is one request
/// asking for exactly one <c>crm</c> function call, which is validated into an intent and never
/// invoked by the model. Any failure — timeout, HTTP error, open circuit, malformed or missing
/// call, bad arguments — answers with the embedded reading, which is computed first and costs
/// microseconds. When both read a change and disagree on which, the person is asked.
/// </summary>
public sealed class ModelInterpreter(
    EmbeddedInterpreter embedded,
    IChatCompletionService chat,
    PromptLibrary prompts,
    FunctionCallReader reader,
    LanguageModelHealth health,
    OpenAIModelOptions settings,
    ILogger<ModelInterpreter> logger) : IInterpreter
{
    private readonly Kernel kernel = CreateKernel(chat, reader);

    public async ValueTask<Understanding> InterpretAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var local = embedded.Interpret(utterance);
        // Asked even while the circuit is open: the breaker answers at once without a request, and
        // only an attempt after the break lets it try the endpoint again.
        var text = MentionStripper.Strip(utterance.Text ?? string.Empty).Trim();
        if (text.Length == 0 || SlashCommands.IsCommand(text))
        {
            return local;
        }

        ModelReading reading;
        try
        {
            reading = await AskAsync(text, utterance, local.Language, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = Describe(exception);
            health.Failed(error);
            logger.LogWarning("The language model failed ({Error}); the embedded interpreter answered", error);
            return local;
        }

        health.Answered(reading.Intent is not null, reading.Problem);
        if (reading.Intent is not { } proposed)
        {
            logger.LogInformation("The language model's answer was not used ({Problem}); the embedded interpreter answered", reading.Problem);
            return local;
        }

        return new Understanding(Settle(proposed, local.Intent), local.Language, local.Intent);
    }

    /// <summary>The model's reading, unless it did not understand, or it and the rules read different changes.</summary>
    internal static Intent Settle(Intent model, Intent rules) =>
        model is UnknownIntent ? rules
        : ChooseMeaningIntent.IsChange(model) && ChooseMeaningIntent.IsChange(rules) && model.Name != rules.Name ? new ChooseMeaningIntent([model, rules])
        : model;

    private async Task<ModelReading> AskAsync(string text, Utterance utterance, string language, CancellationToken cancellationToken)
    {
        var mask = settings.SendContactDetails ? ContactMask.None(text) : ContactMask.Apply(text);
        var system = await prompts.RenderAsync(PromptLibrary.Understand, kernel, UnderstandValues(utterance, language), cancellationToken);
        var history = new ChatHistory(system);
        history.AddUserMessage(mask.Text);
        var execution = Settings(prompts.SettingsOf(PromptLibrary.Understand));
        var answer = await chat.GetChatMessageContentAsync(history, execution, kernel, cancellationToken);
        var call = FunctionCallContent.GetFunctionCalls(answer).FirstOrDefault();
        if (call is null)
        {
            return ModelReading.Refused("the model answered without a function call");
        }

        if (call.Exception is { } malformed)
        {
            return ModelReading.Refused($"the call's arguments were not JSON ({malformed.GetType().Name})");
        }

        if (call.PluginName != CrmFunctions.PluginName || !CrmFunctions.IsDeclared(call.FunctionName))
        {
            return ModelReading.Refused($"the model called an unknown function '{call.PluginName}-{call.FunctionName}'");
        }

        var turnKernel = kernel.Clone();
        turnKernel.Data[FunctionCallReader.TurnKey] = new ModelTurn(text, utterance.Now, mask);
        var result = await call.InvokeAsync(turnKernel, cancellationToken);
        return result.Result as ModelReading ?? ModelReading.Refused("the function returned nothing");
    }

    private PromptExecutionSettings Settings(PromptExecutionSettings? fromConfig)
    {
        var settings = fromConfig is null ? new PromptExecutionSettings() : fromConfig.Clone();
        // Required: the model must answer with a call; autoInvoke false: it never runs one, we read it.
        settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Required(kernel.Plugins[CrmFunctions.PluginName], autoInvoke: false);
        return settings;
    }

    internal static IReadOnlyDictionary<string, string> UnderstandValues(Utterance utterance, string language)
    {
        var now = utterance.Now;
        return new Dictionary<string, string>
        {
            ["today"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["weekday"] = now.DayOfWeek.ToString(),
            ["time"] = now.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["zone"] = now.ToString("zzz", CultureInfo.InvariantCulture),
            ["language"] = language == "en" ? "English" : "Chinese",
            ["linked_lead"] = utterance.LinkedLead ?? "none",
            ["stages"] = StageWords,
        };
    }

    private const string StageWords =
        "新线索 → new; 已联系/初步接触 → contacted; 需求确认/确认需求 → qualified; 方案/报价 → proposal; "
        + "商务谈判/谈判 → negotiation; 赢单/签约/成交/closed won → won; 输单/丢单/closed lost → lost";

    private static Kernel CreateKernel(IChatCompletionService chat, FunctionCallReader reader)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat);
        builder.Plugins.Add(CrmFunctions.CreatePlugin(reader));
        return builder.Build();
    }

    // What failed, in words an admin can act on; never the key, never the message text.
    public static string Describe(Exception exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException or TaskCanceledException or OperationCanceledException => "no answer within the timeout",
        Polly.CircuitBreaker.BrokenCircuitException => "the circuit is open after repeated failures",
        HttpOperationException { StatusCode: { } status } => $"the endpoint answered {(int)status} {status}",
        HttpOperationException http => $"the endpoint could not be reached ({http.InnerException?.GetType().Name ?? "no answer"})",
        HttpRequestException request => $"the endpoint could not be reached ({request.HttpRequestError})",
        KernelException or System.Text.Json.JsonException or FormatException => $"the answer could not be read ({exception.GetType().Name})",
        _ => exception.GetType().Name,
    };
}
