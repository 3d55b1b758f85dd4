using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Tests.Rendering;

public sealed class IntegrationAlertNoticeTests
{
    private static readonly Notice Alert = new(Notices.IntegrationFailing, new Dictionary<string, string>
    {
        ["channel"] = "wecom",
        ["code"] = "60020",
        ["message"] = "not allow to access from your ip, from ip: 203.0.113.7",
    });

    [Theory]
    [InlineData("zh", "⚠️ 企业微信发送失败(60020):not allow to access from your ip, from ip: 203.0.113.7\n请检查企业微信应用的配置")]
    [InlineData("en", "⚠️ Sending through WeCom failed (60020): not allow to access from your ip, from ip: 203.0.113.7\nCheck the WeCom app's settings")]
    public void A_failing_wecom_is_told_with_its_code_and_message_and_what_to_check(string language, string start)
    {
        var reply = new NoticeWriter(CrmSettings.Default).Write(Alert, language);

        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/outbox", reply.Text, StringComparison.Ordinal);
    }
}
