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
        ["wang"]);

    private static ChatReply Card(string language) => new NoticeWriter(CrmSettings.Default).Write(DigestNotice.For(Sent, Report), language);

    [Theory]
    [InlineData("zh", "📊 华东 East 日报 · 2026-11-18", "昨天 5 · 前天 7(↓2)", "Bob 10 分钟(2 条) · Alice 1 小时 35 分钟(4 条)", "2026-11-19 08:00 (Asia/Shanghai)")]
    [InlineData("en", "📊 华东 East daily digest · 2026-11-18", "yesterday 5 · day before 7 (↓2)", "Bob 10 min (2 leads) · Alice 1 h 35 min (4 leads)", "2026-11-19 08:00 (Asia/Shanghai)")]
    public void The_card_gives_the_period_the_numbers_the_fastest_and_the_as_of_time(string language, string title, string newLeads, string fastest, string asOf)
    {
        var card = Card(language);

        Assert.Equal(
            (title, newLeads, fastest, asOf),
            (card.Text, card.Facts[0].Value, card.Facts[3].Value, card.Facts[4].Value));
    }

    [Fact]
    public void Teams_opens_the_report_with_an_OpenUrl_action()
    {
        var card = AdaptiveCardWriter.Write(Card("en"));

        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.OpenUrl", "Full report", Report), (action["type"]!.GetValue<string>(), action["title"]!.GetValue<string>(), action["url"]!.GetValue<string>()));
    }

    [Fact]
    public void WeCom_shows_a_text_notice_card_that_jumps_to_the_report()
    {
        var message = WeComMessageWriter.Write(Card("zh"), "cc_1");

        var card = message["template_card"]!;
        Assert.Equal(
            ("text_notice", Report, "查看完整报告"),
            (card["card_type"]!.GetValue<string>(), card["card_action"]!["url"]!.GetValue<string>(), card["jump_list"]![0]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public void WeCom_shows_facts_too_long_for_the_card_list_whole_in_the_quote_area()
    {
        var message = WeComMessageWriter.Write(Card("zh"), "cc_1");

        var quote = message["template_card"]!["quote_area"]!["quote_text"]!.GetValue<string>();
        Assert.Contains("响应最快:Bob 10 分钟(2 条) · Alice 1 小时 35 分钟(4 条)", quote, StringComparison.Ordinal);
    }
}
