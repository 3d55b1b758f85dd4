using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Notifications;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests.Rendering;

public sealed class AssignmentNoticeTests
{
    private static readonly NoticeWriter Writer = new(CrmSettings.Default);

    private static readonly Notice Offer = new(Notices.LeadOffered, new Dictionary<string, string>
    {
        ["lead"] = "L-20261118-0007",
        ["name"] = "周经理",
        ["company"] = "携程",
        ["by"] = AssignLeads.EngineKey,
        ["claim_by"] = "2026-11-18T02:30:00.0000000+00:00",
    });

    private static readonly Notice Escalation = new(Notices.AssignmentEscalated, new Dictionary<string, string>
    {
        ["lead"] = "L-20261118-0007",
        ["name"] = "周经理",
        ["reason"] = nameof(EscalationReason.OffersExhausted),
        ["rule"] = "douyin",
        ["team"] = "east",
        ["offers"] = "alice=Expired;bob=Declined;dan=Expired",
        ["candidates"] = "alice=OfferedBefore;bob=OfferedBefore;dan=OfferedBefore;erin=AtCapacity:5/5;wang=NoClaimPermission:Manager",
        ["detail"] = "OffersExhausted",
    });

    [Theory]
    [InlineData("zh", "你有一条新线索 周经理,请在 2026-11-18 10:30 前认领,否则会分给其他同事。", "认领", "退回")]
    [InlineData("en", "New lead 周经理 for you: claim it by 2026-11-18 10:30, or it goes to a colleague.", "Claim", "Return")]
    public void An_engine_offer_says_when_to_claim_by_and_has_claim_and_return_buttons(string language, string text, string claim, string decline)
    {
        var card = Writer.Write(Offer, language);

        Assert.Equal(text, card.Text);
        Assert.Equal([claim, decline], card.Actions.Select(action => action.Title));
        Assert.Equal(new DeclineOfferIntent("L-20261118-0007"), IntentPayload.Read(card.Actions[1].Payload));
    }

    [Fact]
    public void A_manager_s_offer_names_them_and_still_has_both_buttons()
    {
        var byHand = Writer.Write(Offer with { Args = new Dictionary<string, string>(Offer.Args) { ["by"] = "wang", ["claim_by"] = "" } }, "zh");

        Assert.StartsWith("wang 给你分配了新线索", byHand.Text, StringComparison.Ordinal);
        Assert.Equal(2, byHand.Actions.Count);
    }

    [Theory]
    [InlineData("zh", "⚠️ 线索 L-20261118-0007 没能自动分配:已分配 3 次都没人认领。", "alice 超时未认领 · bob 退回 · dan 超时未认领", "erin 待认领已满 5/5 · wang 无认领权限(经理)")]
    [InlineData("en", "⚠️ Lead L-20261118-0007 could not be assigned: it was offered 3 times and nobody claimed it.", "alice let it run out · bob declined · dan let it run out", "erin full, 5/5 unclaimed · wang may not claim (manager)")]
    public void An_escalation_tells_the_manager_the_rule_the_offers_and_why_each_candidate_was_skipped(string language, string start, string offers, string candidates)
    {
        var reply = Writer.Write(Escalation, language);

        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
        Assert.Equal("douyin → east", reply.Facts[1].Value);
        Assert.Equal(offers, reply.Facts[2].Value);
        Assert.EndsWith(candidates, reply.Facts[3].Value, StringComparison.Ordinal);
        Assert.Equal(new ClaimLeadIntent("L-20261118-0007"), IntentPayload.Read(Assert.Single(reply.Actions).Payload));
    }
}
