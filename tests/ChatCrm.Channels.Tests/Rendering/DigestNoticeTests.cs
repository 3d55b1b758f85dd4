using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.Teams.Cards;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core;
using ChatCrm.Core.Digest;

namespace ChatCrm.Channels.Tests.Rendering;

/// <summary>The manager's digest card in each language and on each platform.</summary>
public sealed class DigestNoticeTests
{
    private const string Report = "https://crm.example.com/reports/digest/east/2026-11-19?token=CfDJ8abc";

    private static readonly ManagerDigest Sent = new(
        "east",
        "华东 East",
        new DateOnly(2026, 11, 19),
        "Asia/Shanghai",
        new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.FromHours(8)),
        new DigestSample(5, []),
        new DigestSample(7, []),
        new DigestSample(12, []),
        new DigestSample(3, []),
        [new ResponderTime("bob", "Bob", TimeSpan.FromMinutes(10), 2), new ResponderTime("alice", "Alice", TimeSpan.FromMinutes(95), 4)],
        ["wang"],
        [
            new DigestMetric("new_leads", 1, "yesterday", "2026-11-18", 5, 5, null, 7, 1, []),
            new DigestMetric("first_contact_sla", 2, "2026-11-12..2026-11-18", "2026-11-12 – 2026-11-18", 80m, 8, 10, 75m, 0, []),
            new DigestMetric("pipeline_by_stage", 1, null, null, 1_200_000m, 9, null, 1_000_000m, 0, [new("proposal", 1_200_000m, 9)]),
        ],
        [new DigestException(DigestExceptionKind.OverdueDeal, "L-20261101-0001", "王总", "Alice", new DateTimeOffset(2026, 11, 17, 8, 0, 0, TimeSpan.FromHours(8)), 300_000m)],
        new Dictionary<DigestExceptionKind, int> { [DigestExceptionKind.OverdueDeal] = 1, [DigestExceptionKind.Uncontacted] = 4, [DigestExceptionKind.Quiet] = 12 });

    private static ChatReply Card(string language) => new NoticeWriter(CrmSettings.Default).Write(DigestNotice.For(Sent, Report), language);

    [Theory]
    [InlineData("zh", "📊 华东 East 日报 · 2026-11-18", "新增线索(昨天)", "5 · 较上期 −2(上期 7)", "80% (8/10) · 较上期 +5 个百分点(上期 75%)", "¥1,200,000 · 较上次日报 +200,000(上期 1,000,000)")]
    [InlineData("en", "📊 华东 East daily digest · 2026-11-18", "New leads (yesterday)", "5 · vs previous −2 (was 7)", "80% (8/10) · vs previous +5 points (was 75%)", "¥1,200,000 · since the last digest +200,000 (was 1,000,000)")]
    public void The_card_gives_the_dictionarys_numbers_with_their_change(string language, string title, string firstLabel, string newLeads, string firstContact, string pipeline)
    {
        var card = Card(language);

        Assert.Equal(
            (title, firstLabel, newLeads, firstContact, pipeline),
            (card.Text, card.Facts[0].Label, card.Facts[0].Value, card.Facts[1].Value, card.Facts[2].Value));
    }

    [Theory]
    [InlineData("zh", "逾期商机 1 · 超时未首次联系 4 · 7 天以上未跟进 12", "L-20261101-0001 王总 · Alice · 已过约定跟进 2 天 0 小时 · ¥300,000", "详情 · 王总", "Bob 10 分钟(2 条) · Alice 1 小时 35 分钟(4 条)")]
    [InlineData("en", "Overdue deals 1 · Not contacted within SLA 4 · No follow-up for 7+ days 12", "L-20261101-0001 王总 · Alice · follow-up overdue 2 d 0 h · ¥300,000", "Details · 王总", "Bob 10 min (2 leads) · Alice 1 h 35 min (4 leads)")]
    public void The_card_lists_the_leads_that_need_a_look_each_with_a_details_button(string language, string counts, string exception, string button, string fastest)
    {
        var card = Card(language);

        Assert.Equal(("new_leads v1 · first_contact_sla v2 · pipeline_by_stage v1", counts, exception, fastest), (card.Facts[3].Value, card.Facts[4].Value, card.Facts[5].Value, card.Facts[6].Value));
        Assert.Equal(button, card.Actions[0].Title);
    }

    [Fact]
    public void A_digest_sent_before_it_carried_the_dictionarys_numbers_still_reads()
    {
        var card = new NoticeWriter(CrmSettings.Default).Write(DigestNotice.For(Sent with { Metrics = [], Exceptions = [] }, Report), "en");

        Assert.Equal(("New leads", "yesterday 5 · day before 7"), (card.Facts[0].Label, card.Facts[0].Value));
    }

    [Fact]
    public void Teams_shows_the_details_buttons_and_opens_the_report_with_an_OpenUrl_action()
    {
        var card = AdaptiveCardWriter.Write(Card("en"));

        var actions = card["actions"]!.AsArray();
        var open = actions.Single(action => action!["type"]!.GetValue<string>() == "Action.OpenUrl")!;
        Assert.Equal(("Full report", Report), (open["title"]!.GetValue<string>(), open["url"]!.GetValue<string>()));
        Assert.Contains(actions, action => action!["title"]!.GetValue<string>() == "Details · 王总");
    }

    [Fact]
    public void WeCom_shows_a_button_card_whose_tap_opens_the_report()
    {
        var message = WeComMessageWriter.Write(Card("zh"), "cc_1");

        var card = message["template_card"]!;
        Assert.Equal(
            ("button_interaction", Report, "详情 · 王总"),
            (card["card_type"]!.GetValue<string>(), card["card_action"]!["url"]!.GetValue<string>(), card["button_list"]![0]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void WeCom_shows_facts_too_long_for_the_card_list_whole_in_the_quote_area()
    {
        var message = WeComMessageWriter.Write(Card("zh"), "cc_1");

        var quote = message["template_card"]!["quote_area"]!["quote_text"]!.GetValue<string>();
        Assert.Contains("响应最快:Bob 10 分钟(2 条) · Alice 1 小时 35 分钟(4 条)", quote, StringComparison.Ordinal);
    }
}
