using System.Text.RegularExpressions;
using ChatCrm.Core.Leads;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// The deterministic commands: /link L-…|name, /claim [lead], /return [lead] [reason],
/// /transfer &lt;lead&gt; &lt;user&gt;, /assign &lt;lead&gt; &lt;user&gt;, /stage &lt;lead&gt; &lt;stage&gt;, /amount &lt;lead&gt; &lt;amount&gt;,
/// /remind &lt;when&gt; &lt;text&gt;, /leads [mine|stale|unclaimed|today], /report [metric] [period],
/// /decline [lead], /new name phone company …, /help, /undo; for admins /outbox, /replay &lt;id&gt;,
/// /admin user link|unlink &lt;user&gt; &lt;channel&gt; [id], /admin assignment, /admin rule list and
/// /admin source list|add|secret|off|on, /admin job list|run|pause|resume, /admin health;
/// /admin deactivate|reactivate &lt;user&gt;, /admin partner key add|list|revoke;
/// /reminders, /reminder done|snooze &lt;id&gt; [1h|tomorrow] and /quiet [22:00-07:30|off] (<see cref="ReminderCommands"/>).
/// </summary>
internal static partial class SlashCommands
{
    public static bool IsCommand(string text) => text.Length > 1 && text[0] == '/' && char.IsAsciiLetter(text[1]);

    public static Intent Parse(string text, DateTimeOffset now)
    {
        var m = Command().Match(text);
        if (!m.Success)
        {
            return new UnknownIntent();
        }

        var args = m.Groups["args"].Value.Trim();
        return m.Groups["name"].Value.ToLowerInvariant() switch
        {
            "link" => new LinkChatIntent(LeadOf(args)),
            "claim" => new ClaimLeadIntent(LeadOf(args)),
            "decline" => new DeclineOfferIntent(LeadOf(args)),
            "return" => Return(args),
            "transfer" => Transfer(args),
            "assign" or "offer" => Assign(args),
            "stage" => Stage(args),
            "amount" => Amount(args),
            "remind" => ReminderReader.ReadCommand(args, now),
            "leads" => new QueryLeadsIntent(Filter(args)),
            "report" => ReportCommands.Report(args),
            "metrics" or "metric" => ReportCommands.Metrics(args),
            "new" => CreateLeadReader.ReadFields(TextNormalizer.Normalize(args)),
            "admin" => Admin(args),
            "outbox" => new ListDeadLettersIntent(),
            "replay" => new ReplayMessageIntent(args.Length == 0 ? null : args),
            "help" => new HelpIntent(),
            "undo" => new UndoIntent(),
            "reminders" => new ListRemindersIntent(),
            "reminder" => ReminderCommands.Reminder(args),
            "quiet" => ReminderCommands.Quiet(args),
            "phone" or "reveal" => new RevealContactIntent(LeadOf(args)),
            "history" => new LeadHistoryIntent(LeadOf(args)),
            "summary" or "summarise" or "summarize" => new SummarizeLeadIntent(LeadOf(args)),
            "delete" => HighRiskCommands.Delete(args),
            "confirm" => new ConfirmApprovalIntent(args.Length == 0 ? null : args),
            "approve" => HighRiskCommands.Decide(args, approve: true),
            "reject" => HighRiskCommands.Decide(args, approve: false),
            "approvals" => new ListApprovalsIntent(),
            "bulk" => HighRiskCommands.Bulk(args),
            "export" => HighRiskCommands.Export(args),
            _ => new UnknownIntent(),
        };
    }

    private static string? LeadOf(string args)
    {
        var lead = args.Trim(' ', '|', '"', '\'');
        return lead.Length == 0 ? null : LeadMentionExtractor.FindLeadNumber(lead) ?? lead;
    }

    private static ReturnLeadIntent Return(string args)
    {
        var (first, rest) = SplitFirst(args);
        return new ReturnLeadIntent(LeadOf(first), rest.Length == 0 ? null : rest);
    }

    private static TransferLeadIntent Transfer(string args)
    {
        var (lead, user) = LeadAndUser(args);
        return new TransferLeadIntent(lead, user);
    }

    private static AssignLeadIntent Assign(string args)
    {
        var (lead, user) = LeadAndUser(args);
        return new AssignLeadIntent(lead, user);
    }

    private static (string? Lead, string? User) LeadAndUser(string args)
    {
        var to = TransferTo().Match(args);
        if (to.Success)
        {
            return (LeadOf(to.Groups["lead"].Value), LeadOf(to.Groups["to"].Value));
        }

        var (lead, user) = SplitLast(args);
        return (LeadOf(lead), LeadOf(user));
    }

    private static SetStageIntent Stage(string args)
    {
        var words = StageLexicon.FindAll(args);
        if (words.Count > 0 && words[^1].End == args.Length)
        {
            return new SetStageIntent(LeadOf(args[..words[^1].Start]), words[^1].Stage);
        }

        var (lead, last) = SplitLast(args);
        return ParseStage(last) is { } stage ? new SetStageIntent(LeadOf(lead), stage) : new SetStageIntent(LeadOf(args), null);
    }

    private static SetAmountIntent Amount(string args)
    {
        var normalized = TextNormalizer.Normalize(args);
        if (AmountGrammar.FindDealAmount(normalized) is not { } amount)
        {
            return new SetAmountIntent(LeadOf(normalized), null, AmountGrammar.Yuan);
        }

        var reason = normalized[amount.End..].Trim();
        return new SetAmountIntent(LeadOf(normalized[..amount.Start]), amount.Value, amount.Currency, reason.Length == 0 ? null : reason);
    }

    // "/admin user link alice teams 0000…", "/admin assignment", "/admin source add douyin douyin east":
    // the admin commands grow with the permissions issue.
    private static Intent Admin(string args)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? Word(int index) => index < words.Length ? words[index] : null;
        return (Word(0)?.ToLowerInvariant(), Word(1)?.ToLowerInvariant()) switch
        {
            ("user", "link") => new LinkIdentityIntent(Word(2), Word(3), Word(4)),
            ("user", "unlink") => new UnlinkIdentityIntent(Word(2), Word(3)),
            ("assignment", null) => new AssignmentHealthIntent(),
            ("rule" or "rules", null or "list") => new ListAssignmentRulesIntent(),
            ("source", "list" or null) => new ListIntakeSourcesIntent(),
            ("source", "add") => new AddIntakeSourceIntent(Word(2), Word(3), Word(4)),
            ("source", "secret") => new RotateIntakeSecretIntent(Word(2)),
            ("source", "off") => new SwitchIntakeSourceIntent(Word(2), On: false),
            ("source", "on") => new SwitchIntakeSourceIntent(Word(2), On: true),
            ("health" or "status", null) => new IntegrationHealthIntent(),
            ("metric" or "metrics", "set") => ReportCommands.ChangeMetric([.. words.Skip(1)]),
            ("metric" or "metrics", null or "list") => new ListMetricsIntent(),
            ("recount", null) => new RecountReportsIntent(),
            ("exclude", _) => new ExcludeFromReportsIntent(Word(1), Word(2)?.ToLowerInvariant() is "off" or "real" or "count" ? null : Word(2)?.ToLowerInvariant() ?? "test"),
            ("job" or "jobs", "list" or null) => new ListJobsIntent(),
            ("job" or "jobs", "run") => new RunJobIntent(Word(2)),
            ("job" or "jobs", "pause") => new PauseJobIntent(Word(2)),
            ("job" or "jobs", "resume") => new ResumeJobIntent(Word(2)),
            ("audit", "verify" or null) => new VerifyAuditIntent(),
            ("bin", null) => new ShowRecycleBinIntent(),
            ("restore", _) => new RestoreLeadsIntent([.. words.Skip(1)]),
            ("purge", _) => HighRiskCommands.Purge(words.Skip(1).ToList()),
            ("deactivate", _) => new DeactivateUserIntent(Word(1), Word(2)),
            ("reactivate", _) => new ReactivateUserIntent(Word(1)),
            ("user", "deactivate") => new DeactivateUserIntent(Word(2), Word(3)),
            ("user", "reactivate") => new ReactivateUserIntent(Word(2)),
            ("partner", _) => OffboardingCommands.PartnerKey(words),
            _ => AccessCommands.Admin(words),
        };
    }

    private static LeadFilter Filter(string args) => args.ToLowerInvariant() switch
    {
        "" or "mine" or "my" => LeadFilter.Mine,
        "stale" => LeadFilter.Stale,
        "unclaimed" or "pool" => LeadFilter.Unclaimed,
        "today" => LeadFilter.Today,
        _ => QueryVocabulary.FindFilter(args) ?? LeadFilter.Mine,
    };

    private static LeadStage? ParseStage(string word)
    {
        if (word.Length == 0 || char.IsAsciiDigit(word[0]))
        {
            return null;
        }

        return Enum.TryParse<LeadStage>(word, ignoreCase: true, out var stage) ? stage : StageLexicon.Exact(word);
    }

    private static (string First, string Remainder) SplitFirst(string args)
    {
        var space = args.IndexOf(' ');
        return space < 0 ? (args, string.Empty) : (args[..space], args[(space + 1)..].Trim());
    }

    private static (string Leading, string Last) SplitLast(string args)
    {
        var space = args.LastIndexOf(' ');
        return space < 0 ? (string.Empty, args) : (args[..space].Trim(), args[(space + 1)..]);
    }

    [GeneratedRegex(@"^/(?<name>[A-Za-z]+)(?:\s+(?<args>.*))?$", RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex Command();

    [GeneratedRegex(@"^(?<lead>.+?)\s+(?:to|给|->|=>)\s+(?<to>.+)$", RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase)]
    private static partial Regex TransferTo();
}
