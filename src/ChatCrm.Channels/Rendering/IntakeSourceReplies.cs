using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Intake;

namespace ChatCrm.Channels.Rendering;

/// <summary>What an admin reads back from the /admin source commands.</summary>
public sealed class IntakeSourceReplies(CrmSettings settings)
{
    /// <summary>Each source: key, channel, team, on or off, its last 24 hours by outcome, and its last error.</summary>
    public ChatReply List(IReadOnlyList<IntakeSourceStatus> sources, string language)
    {
        if (sources.Count == 0)
        {
            return ChatReply.Plain(Say.In(language,
                "还没有线索接入源。用 /admin source add <key> <渠道> [团队] 添加一个。",
                "There are no intake sources yet. Add one with /admin source add <key> <channel> [team]."));
        }

        var facts = sources.Select(source =>
        {
            var label = string.Join(" · ", new[] { source.Key, source.Channel, source.TeamKey, source.Enabled ? Say.In(language, "开", "on") : Say.In(language, "关", "off") }.OfType<string>());
            var counts = source.Last24Hours;
            var line = Say.In(language, "收到 {0} · 新线索 {1} · 重复 {2} · 拒绝 {3} · 重试 {4}", "received {0} · new {1} · duplicate {2} · rejected {3} · replayed {4}",
                counts.Received, counts.Accepted, counts.Duplicate, counts.Rejected, counts.Replayed);
            if (source.LastError is { } error && source.LastErrorAt is { } at)
            {
                line += Say.In(language, "\n最近错误 {0}:{1}", "\nlast error {0}: {1}", Words.Moment(at, settings.TimeZone), error);
            }

            return new ReplyFact(label, line);
        }).ToList();
        return new ChatReply(Say.In(language, "线索接入源(最近 24 小时):", "Intake sources (last 24 hours):"), facts, []);
    }

    /// <summary>The secret, shown this once: the admin hands it to whoever runs the form or platform.</summary>
    public ChatReply Secret(IntakeSourceSecret source, bool rotated, string language)
    {
        var text = rotated
            ? Say.In(language, "已为接入源 {0} 换了新密钥,旧密钥立即失效。新密钥只显示这一次,请交给对接方妥善保存:", "Intake source {0} has a new secret; the old one no longer works. It is shown only this once; hand it to whoever sends the leads:", source.Key)
            : Say.In(language, "已添加接入源 {0}。密钥只显示这一次,请交给对接方妥善保存:", "Added intake source {0}. Its secret is shown only this once; hand it to whoever sends the leads:", source.Key);
        var facts = new List<ReplyFact>
        {
            ReplyWriter.Fact(language, "密钥", "Secret", source.Secret),
            ReplyWriter.Fact(language, "地址", "Endpoint", $"POST /api/intake/{source.Key}"),
            ReplyWriter.Fact(language, "签名", "Signing", "X-ChatCrm-Timestamp + X-ChatCrm-Signature: sha256=HMAC(secret, timestamp + \".\" + body)"),
        };
        if (!rotated)
        {
            facts.Insert(1, ReplyWriter.Fact(language, "渠道", "Channel", source.Channel));
            facts.Insert(2, ReplyWriter.Fact(language, "团队", "Team", source.TeamKey ?? Say.In(language, "无(公共池)", "none (shared pool)")));
        }

        return new ChatReply(text, facts, []);
    }

    public ChatReply Switched(IntakeSourceSwitched switched, string language) => ChatReply.Plain(switched.Enabled
        ? Say.In(language, "接入源 {0} 已开启,开始接收线索。", "Intake source {0} is on: it takes leads again.", switched.Key)
        : Say.In(language, "接入源 {0} 已关闭:它发来的请求会被拒绝(403)并计数。", "Intake source {0} is off: its requests are refused (403) and counted.", switched.Key));
}
