using System.Globalization;
using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Health;
using ChatCrm.Core.Notifications;
using ChatCrm.Language.Model;

namespace ChatCrm.Channels.Rendering;

/// <summary>What the bot says about integration health: each integration's state (/admin health), and an incident's start and end.</summary>
/// <param name="model">The language model's live state in this process, shown beside the stored checks; null where none is kept.</param>
public sealed class HealthReplies(CrmSettings settings, LanguageModelHealth? model = null)
{
    public ChatReply States(IReadOnlyList<IntegrationState> states, string language)
    {
        var live = model?.Status() is { State: not LanguageModelState.Off } status ? LanguageLine(status, language) : null;
        if (states.Count == 0 && live is not null)
        {
            return new ChatReply(Say.In(language, "还没有健康检查结果:检查每 15 分钟运行一次。", "No health checks have run yet: they run every 15 minutes."), [live], []);
        }

        if (states.Count == 0)
        {
            return ChatReply.Plain(Say.In(language,
                "还没有健康检查结果:检查每 15 分钟运行一次。",
                "No health checks have run yet: they run every 15 minutes."));
        }

        var failing = states.Count(state => !state.Healthy);
        var facts = states.Select(state => new ReplyFact(
            Integration(state.Integration, language),
            state.Healthy
                ? Say.In(language, "✅ 正常,自 {0} 起 · 最近检查 {1}", "✅ healthy since {0} · checked {1}", Moment(state.Since), Moment(state.CheckedAt))
                : Say.In(language, "⚠️ 异常,自 {0} 起 · 最近检查 {1} · 错误:{2}", "⚠️ failing since {0} · checked {1} · error: {2}", Moment(state.Since), Moment(state.CheckedAt), state.LastError ?? "-")))
            .ToList();
        if (live is not null)
        {
            facts.Insert(0, live);
        }

        return new ChatReply(
            failing == 0
                ? Say.In(language, "所有集成运行正常。", "Every integration is healthy.")
                : Say.In(language, "{0} 个集成异常。", "{0} integration(s) failing.", failing),
            facts,
            []);
    }

    /// <summary>"语言模型(实时)": ok / degraded / circuit open, with the counts since start.</summary>
    private ReplyFact LanguageLine(LanguageModelStatus status, string language)
    {
        var counts = Say.In(language, "{0} 次调用 · {1} 次失败 · {2} 次无法使用", "{0} calls · {1} errors · {2} unusable", status.Calls, status.Errors, status.Refused);
        var value = status.State switch
        {
            LanguageModelState.Ok => Say.In(language, "✅ 正常 · {0}", "✅ ok · {0}", counts),
            LanguageModelState.Degraded => Say.In(language, "⚠️ 降级(由内置解析器回答),自 {0} 起 · {1} · 错误:{2}", "⚠️ degraded (the embedded interpreter answers) since {0} · {1} · error: {2}",
                status.FailingSince is { } since ? Moment(since) : "-", counts, status.LastError ?? "-"),
            _ => Say.In(language, "⛔ 熔断中(暂停调用,由内置解析器回答) · {0} · 错误:{1}", "⛔ circuit open (not called for now; the embedded interpreter answers) · {0} · error: {1}", counts, status.LastError ?? "-"),
        };
        return new ReplyFact(Say.In(language, "语言模型(实时)", "Language model (live)"), value);
    }

    public ChatReply Down(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        return new ChatReply(
            Say.In(language,
                "⚠️ {0} 连接异常,健康检查失败。恢复时会再通知你。发送 /admin health 查看各集成状态。",
                "⚠️ {0} is failing its health check. You will be told when it recovers. Send /admin health for every integration's state.",
                Integration(Arg("integration"), language)),
            [
                ReplyWriter.Fact(language, "开始时间", "Since", Since(Arg("since"))),
                ReplyWriter.Fact(language, "错误", "Error", Arg("error")),
            ],
            []);
    }

    public ChatReply Recovered(Notice notice, string language)
    {
        string Arg(string key) => notice.Args.TryGetValue(key, out var value) ? value : string.Empty;
        return new ChatReply(
            Say.In(language, "✅ {0} 已恢复正常。", "✅ {0} has recovered.", Integration(Arg("integration"), language)),
            [
                ReplyWriter.Fact(language, "故障开始", "Failing since", Since(Arg("since"))),
                ReplyWriter.Fact(language, "最后错误", "Last error", Arg("error")),
            ],
            []);
    }

    /// <summary>An integration's name as admins know it.</summary>
    public static string Integration(string name, string language) => name switch
    {
        "teams" => "Microsoft Teams",
        "wecom" => Say.In(language, "企业微信", "WeCom"),
        "language-model" => Say.In(language, "语言模型", "The language model"),
        "intake" => Say.In(language, "线索接入", "Lead intake"),
        _ => name,
    };

    private string Moment(DateTimeOffset moment) => Words.Moment(moment, settings.TimeZone);

    private string Since(string since) =>
        DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? Moment(moment) : since;
}
