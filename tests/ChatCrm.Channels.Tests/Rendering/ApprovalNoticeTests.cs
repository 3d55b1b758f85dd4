using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core;
using ChatCrm.Core.Notifications;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests.Rendering;

public sealed class ApprovalNoticeTests
{
    private static readonly NoticeWriter Writer = new(CrmSettings.Default);

    private static readonly Notice Asked = new(Notices.ApprovalAsked, new Dictionary<string, string>
    {
        ["number"] = "A-20261118-0001",
        ["kind"] = "lead.delete",
        ["requester"] = "wang",
        ["reason"] = "客户资料作废",
        ["state"] = "Pending",
        ["decider"] = "",
        ["decision_reason"] = "",
        ["expires"] = "2026-11-19T02:00:00.0000000+00:00",
        ["s.count"] = "2300",
        ["s.leads"] = "L-20261117-0001 VIP客户0;L-20261117-0002 VIP客户1",
    });

    [Theory]
    [InlineData("zh", "🔐 wang 申请:删除 2300 条线索(移入回收站,30 天内可恢复)。请审批(驳回需写原因)。", "批准", "驳回")]
    [InlineData("en", "🔐 wang asks to: delete 2300 lead(s) (to the recycle bin, restorable for 30 days). Please decide (a rejection needs a reason).", "Approve", "Reject")]
    public void The_approver_s_card_says_what_will_happen_and_has_approve_and_reject(string language, string text, string approve, string reject)
    {
        var card = Writer.Write(Asked, language);

        Assert.Equal(text, card.Text);
        Assert.Equal([approve, reject], card.Actions.Select(action => action.Title));
        Assert.Equal(new DecideApprovalIntent("A-20261118-0001", false, null), IntentPayload.Read(card.Actions[1].Payload));
    }

    [Fact]
    public void The_buttons_fit_in_a_wecom_template_card_key()
    {
        var card = Writer.Write(Asked, "zh");

        Assert.All(card.Actions, action => Assert.Equal(action.Payload, WeComButtonKey.Read(WeComButtonKey.Write(action.Payload))));
    }

    [Theory]
    [InlineData("Done", "✅")]
    [InlineData("Rejected", "❌")]
    [InlineData("Expired", "⌛")]
    [InlineData("Failed", "⚠️")]
    public void The_requester_is_told_each_outcome(string state, string start)
    {
        var finished = Asked with { Kind = Notices.ApprovalFinished, Args = new Dictionary<string, string>(Asked.Args) { ["state"] = state, ["o.count"] = "2300", ["o.error"] = "not_permitted" } };

        Assert.StartsWith(start, Writer.Write(finished, "zh").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_still_reads_as_its_facts()
    {
        var card = Writer.Write(Asked with { Args = new Dictionary<string, string>(Asked.Args) { ["kind"] = "user.own_permissions" } }, "en");

        Assert.Contains("user.own_permissions", card.Text, StringComparison.Ordinal);
        Assert.Equal(2, card.Actions.Count);
    }
}
