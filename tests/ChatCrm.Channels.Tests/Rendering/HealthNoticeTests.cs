using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Tests.Rendering;

public sealed class HealthNoticeTests
{
    private static Notice Of(string kind) => new(kind, new Dictionary<string, string>
    {
        ["integration"] = "wecom",
        ["since"] = "2026-11-19T00:15:00.0000000+00:00",
        ["error"] = "gettoken: errcode 40001 invalid credential",
    });

    [Theory]
    [InlineData(Notices.IntegrationDown, "zh", "⚠️ 企业微信 连接异常,健康检查失败。恢复时会再通知你。发送 /admin health 查看各集成状态。")]
    [InlineData(Notices.IntegrationDown, "en", "⚠️ WeCom is failing its health check. You will be told when it recovers. Send /admin health for every integration's state.")]
    [InlineData(Notices.IntegrationRecovered, "zh", "✅ 企业微信 已恢复正常。")]
    [InlineData(Notices.IntegrationRecovered, "en", "✅ WeCom has recovered.")]
    public void An_incident_is_told_when_it_begins_and_when_it_ends(string kind, string language, string text)
    {
        var reply = new NoticeWriter(CrmSettings.Default).Write(Of(kind), language);

        Assert.Equal((text, "2026-11-19 08:15", "gettoken: errcode 40001 invalid credential"), (reply.Text, reply.Facts[0].Value, reply.Facts[1].Value));
    }
}
