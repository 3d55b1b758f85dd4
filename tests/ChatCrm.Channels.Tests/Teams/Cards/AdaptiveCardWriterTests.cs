using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Teams.Cards;

namespace ChatCrm.Channels.Tests.Teams.Cards;

public sealed class AdaptiveCardWriterTests
{
    private static readonly Dictionary<string, string> Undo = new() { ["do"] = "undo", ["audit"] = "5f0c", ["lang"] = "zh" };

    private static ChatReply Logged() => new(
        "已记录对 王总 的跟进。",
        [new ReplyFact("线索", "L-20261118-0001 王总 · 华为"), new ReplyFact("意向", "高")],
        [new ReplyAction("撤销", Undo)]);

    [Fact]
    public void A_card_is_an_adaptive_card_1_5()
    {
        var card = AdaptiveCardWriter.Write(Logged());

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
    }

    [Fact]
    public void A_chart_is_an_image_by_url_after_the_facts_with_the_numbers_as_its_alt_text()
    {
        var reply = Logged() with { Image = new ReplyImage("https://crm.contoso.com/charts/abc.png", "赢单率(本月):42.9%") };

        var image = AdaptiveCardWriter.Write(reply)["body"]![2]!;

        Assert.Equal(("Image", "https://crm.contoso.com/charts/abc.png", "赢单率(本月):42.9%"), ((string?)image["type"], (string?)image["url"], (string?)image["altText"]));
    }

    [Fact]
    public void The_sentence_is_a_wrapping_text_block()
    {
        var first = AdaptiveCardWriter.Write(Logged())["body"]![0]!;

        Assert.Equal("TextBlock", (string?)first["type"]);
        Assert.Equal("已记录对 王总 的跟进。", (string?)first["text"]);
        Assert.True((bool?)first["wrap"]);
    }

    [Fact]
    public void Facts_are_a_fact_set_in_order()
    {
        var factSet = AdaptiveCardWriter.Write(Logged())["body"]![1]!;

        Assert.Equal("FactSet", (string?)factSet["type"]);
        Assert.Equal(["线索", "意向"], factSet["facts"]!.AsArray().Select(f => (string?)f!["title"]));
        Assert.Equal("高", (string?)factSet["facts"]![1]!["value"]);
    }

    [Fact]
    public void A_button_is_an_action_execute_with_the_intent_as_verb_and_the_payload_as_data()
    {
        var action = AdaptiveCardWriter.Write(Logged())["actions"]![0]!;

        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("撤销", (string?)action["title"]);
        Assert.Equal("undo", (string?)action["verb"]);
        Assert.True(JsonNode.DeepEquals(Data(Undo), action["data"]));
    }

    [Fact]
    public void A_button_falls_back_to_an_action_submit_with_the_same_data()
    {
        var fallback = AdaptiveCardWriter.Write(Logged())["actions"]![0]!["fallback"]!;

        Assert.Equal("Action.Submit", (string?)fallback["type"]);
        Assert.Equal("撤销", (string?)fallback["title"]);
        Assert.True(JsonNode.DeepEquals(Data(Undo), fallback["data"]));
    }

    [Fact]
    public void A_payload_without_an_intent_gets_the_default_verb()
    {
        var reply = new ChatReply("x", [], [new ReplyAction("Open", new Dictionary<string, string> { ["lead"] = "L-1" })]);

        Assert.Equal("action", (string?)AdaptiveCardWriter.Write(reply)["actions"]![0]!["verb"]);
    }

    [Fact]
    public void A_reply_without_buttons_has_no_actions()
    {
        Assert.False(AdaptiveCardWriter.Write(ChatReply.Plain("好的")).ContainsKey("actions"));
    }

    [Fact]
    public void A_long_fact_is_a_labelled_paragraph_and_keeps_its_place()
    {
        var summary = new string('长', AdaptiveCardWriter.LongFactLength + 1);
        var reply = new ChatReply("t", [new("线索", "L-1"), new("内容", summary), new("阶段", "初步接触")], []);

        var body = AdaptiveCardWriter.Write(reply)["body"]!.AsArray();

        Assert.Equal(["TextBlock", "FactSet", "TextBlock", "TextBlock", "FactSet"], body.Select(e => (string?)e!["type"]));
        Assert.Equal("内容", (string?)body[2]!["text"]);
        Assert.Equal(summary, (string?)body[3]!["text"]);
        Assert.True((bool?)body[3]!["wrap"]);
    }

    [Fact]
    public void A_long_list_of_short_facts_stays_one_fact_set_on_a_full_width_card()
    {
        var facts = Enumerable.Range(1, 25).Select(i => new ReplyFact($"L-20261118-{i:0000}", $"客户{i} · 商务谈判")).ToList();

        var card = AdaptiveCardWriter.Write(new ChatReply("你的线索(25)", facts, []));

        Assert.Equal(25, card["body"]![1]!["facts"]!.AsArray().Count);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
    }

    [Fact]
    public void Quotes_and_markup_in_text_survive_the_json()
    {
        const string tricky = "He said \"<b>50万</b>\" & left\\";
        var json = AdaptiveCardWriter.Write(ChatReply.Plain(tricky)).ToJsonString();

        Assert.Equal(tricky, (string?)JsonNode.Parse(json)!["body"]![0]!["text"]);
    }

    [Fact]
    public void Several_replies_make_one_card_each()
    {
        var cards = AdaptiveCardWriter.Write([Logged(), ChatReply.Plain("还有别的吗?")]);

        Assert.Equal(2, cards.Count);
        Assert.Equal("还有别的吗?", (string?)cards[1]["body"]![0]!["text"]);
    }

    private static JsonObject Data(IReadOnlyDictionary<string, string> payload) =>
        new(payload.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
}
