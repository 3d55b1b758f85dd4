using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Tests.Rendering;

public sealed class IntakeNoticeTests
{
    private static readonly Notice Touched = new(Notices.LeadTouched, new Dictionary<string, string>
    {
        ["lead"] = "L-20261118-0003",
        ["name"] = "陈静",
        ["company"] = "星河科技",
        ["source"] = "webform",
        ["by"] = "phone",
        ["note"] = "想了解报价",
    });

    private static readonly Notice Gap = new(Notices.IntegrationFailing, new Dictionary<string, string>
    {
        ["channel"] = "intake",
        ["code"] = "webform",
        ["message"] = "2026-11-18 10:00: 10 received, 8 stored",
    });

    [Theory]
    [InlineData("zh", "线索 L-20261118-0003 陈静 的客户又通过 webform 留了资料(按电话识别为同一客户),已记为一次新的接触,没有新建线索。")]
    [InlineData("en", "The customer of lead L-20261118-0003 陈静 came in again through webform (same phone): recorded as a new touch, not a new lead.")]
    public void A_touched_lead_tells_its_owner_which_source_and_what_matched(string language, string text)
    {
        var reply = new NoticeWriter(CrmSettings.Default).Write(Touched, language);

        Assert.Equal(text, reply.Text);
        Assert.Equal(["星河科技", "想了解报价"], reply.Facts.Select(fact => fact.Value));
    }

    [Theory]
    [InlineData("zh", "⚠️ 线索接入源 webform 有请求收到了却没有保存结果(2026-11-18 10:00: 10 received, 8 stored)。")]
    [InlineData("en", "⚠️ Intake source webform received requests whose outcome was never stored (2026-11-18 10:00: 10 received, 8 stored).")]
    public void An_intake_gap_reads_as_possibly_lost_leads_with_the_list_command(string language, string start)
    {
        var reply = new NoticeWriter(CrmSettings.Default).Write(Gap, language);

        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
        Assert.Contains("/admin source list", reply.Text, StringComparison.Ordinal);
    }
}
