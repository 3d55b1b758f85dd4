using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ChatCrm.Language.Model;

/// <summary>
/// The language model writes the summary of a lead from the facts the asker may see (already
/// scope-checked and masked by the caller). Any failure answers null, and the facts alone answer.
/// </summary>
public sealed class ModelLeadSummaries(
    IChatCompletionService chat,
    PromptLibrary prompts,
    LanguageModelHealth health,
    ILogger<ModelLeadSummaries> logger) : ILeadSummaryWriter
{
    /// <summary>More would be slow and read as a wall of text.</summary>
    public const int MaxLength = 600;

    private readonly Kernel kernel = new();

    public async ValueTask<string?> WriteAsync(LeadBrief lead, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        try
        {
            var prompt = await prompts.RenderAsync(PromptLibrary.Summarize, kernel, Values(lead, language, now), cancellationToken);
            var history = new ChatHistory();
            history.AddUserMessage(prompt);
            var answer = await chat.GetChatMessageContentAsync(history, prompts.SettingsOf(PromptLibrary.Summarize), kernel, cancellationToken);
            var text = answer.Content?.Trim();
            health.Answered(!string.IsNullOrEmpty(text), "the model wrote no summary");
            return string.IsNullOrEmpty(text) ? null : text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ModelInterpreter.Describe(exception);
            health.Failed(error);
            logger.LogWarning("The language model wrote no summary ({Error}); the facts answer alone", error);
            return null;
        }
    }

    internal static IReadOnlyDictionary<string, string> Values(LeadBrief lead, string language, DateTimeOffset now)
    {
        var about = new StringBuilder()
            .Append(lead.Number).Append(' ').Append(lead.Name)
            .Append(lead.Company is { } company ? $" ({company})" : string.Empty)
            .Append("; stage ").Append(lead.Stage)
            .Append("; owner ").Append(lead.OwnerName ?? "none")
            .Append("; next follow-up ").Append(lead.NextFollowUpAt is { } next ? next.ToOffset(now.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "not set");
        var followUps = lead.FollowUps.Count == 0
            ? "(none yet)"
            : string.Join('\n', lead.FollowUps.Select(followUp =>
                $"- {followUp.At.ToOffset(now.Offset):yyyy-MM-dd} {followUp.Channel ?? "contact"} by {followUp.AuthorName}"
                + (followUp.Interest is { } interest ? $", interest {interest}" : string.Empty)
                + $": {followUp.Summary}"));
        return new Dictionary<string, string>
        {
            ["today"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["language"] = language == "en" ? "English" : "Chinese",
            ["lead"] = about.ToString(),
            ["follow_ups"] = followUps,
        };
    }
}
