using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.Notifications;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests.Rendering;

public sealed class DisciplineNoticeTests
{
    private static readonly NoticeWriter Writer = new(CrmSettings.Default);

    private static readonly IReadOnlyList<NoticeLeadLine> TenLeads =
        [.. Enumerable.Range(1, 10).Select(index => new NoticeLeadLine($"L-20261118-{index:D4}", $"客户{index}", 7 + index, "alice", null, "华为"))];

    private static Notice OwnerList(int total) => new(Notices.StaleLeadsOwner, new Dictionary<string, string>
    {
        ["count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["leads"] = NoticeLeadLine.Encode(TenLeads),
    });

    [Theory]
    [InlineData("zh", "⏰ 你有 12 条线索该跟进了,客户等太久会流失(显示最久的 10 条,另有 2 条):", "都定明天跟进")]
    [InlineData("en", "⏰ 12 of your leads need a follow-up before the customers drift away (the 10 longest waiting shown, and 2 more):", "All tomorrow")]
    public void The_owner_s_list_shows_ten_counts_the_rest_and_plans_them_all_with_one_tap(string language, string text, string planAll)
    {
        var reply = Writer.Write(OwnerList(12), language);

        Assert.Equal(text, reply.Text);
        Assert.Equal(10, reply.Facts.Count);
        Assert.Equal(planAll, reply.Actions[0].Title);
        var plan = Assert.IsType<PlanFollowUpIntent>(IntentPayload.Read(reply.Actions[0].Payload));
        Assert.Equal((10, 1), (plan.LeadNumbers.Count, plan.Days));
    }

    [Fact]
    public void Every_button_of_the_owner_s_list_fits_a_WeCom_template_card()
    {
        var reply = Writer.Write(OwnerList(12), "zh");

        Assert.True(reply.Actions.Count <= WeComMessageWriter.MaxButtons);
        Assert.All(reply.Actions, action => Assert.NotNull(WeComButtonKey.Write(action.Payload)));
        var card = WeComMessageWriter.Write(reply, "cc_test");
        Assert.Equal(reply.Actions.Count, card["template_card"]!["button_list"]!.AsArray().Count);
    }

    [Fact]
    public void A_Return_button_returns_that_lead_to_the_pool()
    {
        var reply = Writer.Write(OwnerList(10), "en");

        var back = Assert.IsType<ReturnLeadIntent>(IntentPayload.Read(reply.Actions.First(action => action.Title == "Return 客户1").Payload));
        Assert.Equal("L-20261118-0001", back.LeadMention);
    }

    [Theory]
    [InlineData("zh", new[] { "明天", "3 天后", "下周" }, new[] { 1, 3, 7 })]
    [InlineData("en", new[] { "Tomorrow", "In 3 days", "Next week" }, new[] { 1, 3, 7 })]
    public void The_next_step_prompt_offers_three_days(string language, string[] titles, int[] days)
    {
        var notice = new Notice(Notices.NextStepMissing, new Dictionary<string, string>
        {
            ["count"] = "1",
            ["leads"] = NoticeLeadLine.Encode([TenLeads[0]]),
        });

        var reply = Writer.Write(notice, language);

        Assert.Equal(titles, reply.Actions.Select(action => action.Title));
        Assert.Equal(days, reply.Actions.Select(action => Assert.IsType<PlanFollowUpIntent>(IntentPayload.Read(action.Payload)).Days));
    }

    [Fact]
    public void The_manager_reads_whose_leads_went_stale()
    {
        var notice = new Notice(Notices.StaleLeadsManager, new Dictionary<string, string>
        {
            ["team"] = "east",
            ["count"] = "1",
            ["leads"] = NoticeLeadLine.Encode([TenLeads[0]]),
        });

        var reply = Writer.Write(notice, "zh");

        Assert.Equal("客户1 · 华为 · 负责人 alice · 8 天没跟进", Assert.Single(reply.Facts).Value);
    }
}
