using System.Text;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.WeCom.Messages;

namespace ChatCrm.Channels.Tests.WeCom;

public sealed class WeComMessageWriterTests
{
    [Fact]
    public void A_reply_without_buttons_is_a_text_with_its_facts_and_duplicate_checking()
    {
        var body = WeComMessageWriter.Write(new ChatReply("已创建线索 L-1。", [new ReplyFact("公司", "华为")], []), "cc_1");

        Assert.Equal("text", (string?)body["msgtype"]);
        Assert.Equal("已创建线索 L-1。\n公司:华为", (string?)body["text"]!["content"]);
        Assert.Equal(1, (int?)body["enable_duplicate_check"]);
    }

    [Fact]
    public void A_reply_with_buttons_is_a_button_card_whose_keys_carry_the_payloads()
    {
        var payload = new Dictionary<string, string> { ["do"] = "claim_lead", ["lead"] = "L-20261118-0010", ["lang"] = "zh" };
        var reply = new ChatReply("周经理 给你分配了新线索 网易,请认领后跟进。", [new ReplyFact("线索", "L-20261118-0010 王总")], [new ReplyAction("认领", payload)]);

        var card = WeComMessageWriter.Write(reply, "cc_2")["template_card"]!;

        Assert.Equal(("button_interaction", "cc_2"), ((string?)card["card_type"], (string?)card["task_id"]));
        Assert.Equal("认领", (string?)card["button_list"]![0]!["text"]);
        Assert.Equal(payload, WeComButtonKey.Read((string?)card["button_list"]![0]!["key"]));
        Assert.Equal("线索", (string?)card["horizontal_content_list"]![0]!["keyname"]);
    }

    [Fact]
    public void Long_text_is_cut_to_wecoms_byte_limit_without_splitting_a_character()
    {
        var body = WeComMessageWriter.Write(ChatReply.Plain(new string('客', 1000) + "😀"), "cc_3");

        var content = (string)body["text"]!["content"]!;
        Assert.True(Encoding.UTF8.GetByteCount(content) <= WeComMessageWriter.MaxTextBytes);
        Assert.EndsWith("…", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("p1.not-base64-json")]
    [InlineData("someone else's key")]
    public void Keys_we_did_not_write_carry_nothing(string? key)
    {
        Assert.Null(WeComButtonKey.Read(key));
    }
}
