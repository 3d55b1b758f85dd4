using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>A lead's history as the chat shows it, and what verifying the audit chain found.</summary>
public sealed class AuditReplies(CrmSettings settings)
{
    public ChatReply History(LeadHistory history, string language)
    {
        var lead = history.Lead;
        if (history.Lines.Count == 0)
        {
            return ChatReply.Plain(Say.In(language, "{0} {1} 还没有记录。", "{0} {1} has no history yet.", lead.Number, lead.Name));
        }

        var facts = history.Lines.Select(line => new ReplyFact(
            $"{Words.Moment(line.Entry.At, settings.TimeZone)} · {line.ActorName}",
            What(line.Entry, language))).ToList();
        var text = history.Page > 0
            ? Say.In(language, "{0} {1} 更早的记录(第 {2} 页):", "Earlier entries of {0} {1} (page {2}):", lead.Number, lead.Name, history.Page + 1)
            : history.More
                ? Say.In(language, "{0} {1} 最近 {2} 条记录:", "The last {2} entries of {0} {1}:", lead.Number, lead.Name, history.Lines.Count)
                : Say.In(language, "{0} {1} 的全部记录:", "Everything that happened to {0} {1}:", lead.Number, lead.Name);
        // The lead number, not the words used, so "More" finds the same lead whatever was typed.
        IReadOnlyList<ReplyAction> more = history.More
            ? [ReplyWriter.Button(Say.In(language, "更早的记录", "More"), new LeadHistoryIntent(lead.Number, history.Page + 1), language)]
            : [];
        return new ChatReply(text, facts, more);
    }

    public ChatReply Verified(AuditChainReport report, string language)
    {
        var facts = new List<ReplyFact>
        {
            new(Say.In(language, "已核验", "Verified"), report.Verified.ToString(CultureInfo.InvariantCulture)),
        };
        if (report.HeadHash is { } head)
        {
            facts.Add(new(Say.In(language, "链尾哈希", "Head hash"), head));
        }

        if (report.Unsealed > 0)
        {
            facts.Add(new(Say.In(language, "启用哈希链之前的记录", "Entries from before the chain"), report.Unsealed.ToString(CultureInfo.InvariantCulture)));
        }

        if (report.Break is not { } broken)
        {
            return new ChatReply(Say.In(language,
                "审计链完整:{0} 条记录都没有被改动、删除或插入。请把链尾哈希另存一份,以后核对时它也能发现末尾被截断。",
                "The audit chain holds: none of its {0} entries was changed, removed or slipped in. Keep the head hash somewhere else; compared later, it also shows an end cut off.",
                report.Verified), facts, []);
        }

        var why = broken.Reason switch
        {
            "gap" => Say.In(language, "第 {0} 条记录不见了(被删除)", "entry {0} is missing (deleted)", broken.Sequence),
            "link" => Say.In(language, "第 {0} 条与上一条的哈希对不上:上一条记录或它的哈希被改过", "entry {0} does not follow the hash before it: the entry before it, or its hash, was changed", broken.Sequence),
            _ => Say.In(language, "第 {0} 条记录的内容被改过", "entry {0} was changed after it was written", broken.Sequence),
        };
        facts.Add(new(Say.In(language, "断点", "Break"), why));
        return new ChatReply(Say.In(language,
            "审计链在第 {0} 条断开,前 {1} 条完好。请立即检查数据库文件的访问记录。",
            "The audit chain breaks at entry {0}; the {1} before it hold. Check who had access to the database file.",
            broken.Sequence, report.Verified), facts, []);
    }

    private static string What(AuditEntry entry, string language)
    {
        var parts = new List<string> { ReplyWriter.Describe(entry.Action, language) };
        if (entry.Before is { } before && entry.After is { } after)
        {
            parts.AddRange(Changes(before, after, language));
        }

        parts.Add(Words.Platform(entry.Channel));
        if (entry.UndoneBy is not null)
        {
            parts.Add(Say.In(language, "已撤销", "undone"));
        }

        return string.Join(" · ", parts);
    }

    // Only what the act changed, and never a phone or email.
    private static IEnumerable<string> Changes(LeadSnapshot before, LeadSnapshot after, string language)
    {
        if (before.Stage != after.Stage)
        {
            yield return $"{Words.Stage(before.Stage, language)} → {Words.Stage(after.Stage, language)}";
        }

        if (before.OwnerKey != after.OwnerKey)
        {
            yield return $"{before.OwnerKey ?? Say.In(language, "公海", "pool")} → {after.OwnerKey ?? Say.In(language, "公海", "pool")}";
        }

        if (before.AssigneeKey != after.AssigneeKey && after.AssigneeKey is { } assignee)
        {
            yield return Say.In(language, "分配给 {0}", "offered to {0}", assignee);
        }

        if (before.Amount != after.Amount)
        {
            yield return $"{(before.Amount is { } was ? Words.Money(was, before.Currency) : "-")} → {(after.Amount is { } now ? Words.Money(now, after.Currency) : "-")}";
        }
    }
}
