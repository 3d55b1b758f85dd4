using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Leads;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>
/// Where a lead stands: the assistant's summary first when a language model wrote one (marked as
/// such), then always the facts — stage, owner, next follow-up and the last three follow-ups.
/// </summary>
public sealed class SummaryReplies(CrmSettings settings)
{
    public const int FollowUpsShown = 3;

    public ChatReply Brief(LeadDigestView view, string? summary, string language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lead = view.Lead;
        var title = lead.Company is { } company ? $"{lead.Number} {lead.Name} · {company}" : $"{lead.Number} {lead.Name}";
        var text = summary is { Length: > 0 }
            ? Say.In(language, "{0}\nAI 摘要:{1}", "{0}\nSummary (AI): {1}", title, summary)
            : view.FollowUps.Count == 0
                ? Say.In(language, "{0}:还没有跟进记录。", "{0}: no follow-ups yet.", title)
                : Say.In(language, "{0} 最近的跟进:", "{0}, latest follow-ups:", title);
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "阶段", "Stage", Words.Stage(lead.Stage, language)),
            ReplyWriter.Fact(language, "负责人", "Owner", view.OwnerName ?? Say.In(language, "公海(待认领)", "pool (unclaimed)")),
        };
        if (lead.NextFollowUpAt is { } next)
        {
            facts.Add(ReplyWriter.Fact(language, "下次跟进", "Next follow-up", Words.Moment(next, settings.TimeZone)));
        }

        facts.AddRange(view.FollowUps.Take(FollowUpsShown).Select(entry => new ReplyFact(
            $"{Words.Moment(entry.FollowUp.At, settings.TimeZone)} · {(entry.FollowUp.Channel is { } channel ? Words.Channel(channel, language) + " · " : string.Empty)}{entry.AuthorName}",
            entry.FollowUp.Summary)));
        return new ChatReply(text, facts,
        [
            ReplyWriter.Button(Say.In(language, "历史", "History"), new LeadHistoryIntent(lead.Number), language),
        ]);
    }

    /// <summary>The facts as the summary writer sees them: the lead and its follow-ups, phones and emails masked.</summary>
    public static LeadBrief ForWriter(LeadDigestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lead = view.Lead;
        return new LeadBrief(
            lead.Number,
            lead.Name,
            lead.Company,
            lead.Stage.ToString().ToLowerInvariant(),
            view.OwnerName,
            lead.NextFollowUpAt,
            [.. view.FollowUps.Select(entry => new FollowUpFact(
                entry.FollowUp.At,
                entry.AuthorName,
                entry.FollowUp.Channel?.ToString().ToLowerInvariant(),
                entry.FollowUp.Interest?.ToString().ToLowerInvariant(),
                Language.Model.ContactMask.Apply(entry.FollowUp.Summary).Text))]);
    }
}
