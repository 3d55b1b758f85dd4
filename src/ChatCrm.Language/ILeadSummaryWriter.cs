namespace ChatCrm.Language;

/// <summary>One follow-up as the summary writer sees it: already scope-checked, contacts masked.</summary>
/// <param name="Channel">call, visit, wechat, email or meeting, when it was said.</param>
/// <param name="Interest">high, medium or low, when it was said.</param>
public sealed record FollowUpFact(DateTimeOffset At, string AuthorName, string? Channel, string? Interest, string Summary);

/// <summary>What is known of a lead that the asker may see, for "王总那边最近怎么样" / "summarise Acme".</summary>
/// <param name="FollowUps">Newest first; at most the few a summary needs.</param>
public sealed record LeadBrief(
    string Number,
    string Name,
    string? Company,
    string Stage,
    string? OwnerName,
    DateTimeOffset? NextFollowUpAt,
    IReadOnlyList<FollowUpFact> FollowUps);

/// <summary>
/// Writes a short summary of a lead's recent follow-ups in the asker's language. The language model
/// writes one when it is configured; without one (or when it fails) the answer is null and the bot
/// shows the last follow-ups as facts instead.
/// </summary>
public interface ILeadSummaryWriter
{
    ValueTask<string?> WriteAsync(LeadBrief lead, string language, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The embedded default: no model, so no written summary; the facts speak for themselves.</summary>
public sealed class NoLeadSummaries : ILeadSummaryWriter
{
    public ValueTask<string?> WriteAsync(LeadBrief lead, string language, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);
}
