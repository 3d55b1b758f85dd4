using ChatCrm.Channels.Tests.WeCom.Fixtures;
using ChatCrm.Channels.WeCom.Callback;

namespace ChatCrm.Channels.Tests.WeCom.Callback;

public sealed class WeComXmlTests
{
    [Fact]
    public void The_official_messages_read_with_cdata_and_without()
    {
        var messages = WeComVectors.Callbacks.Where(vector => vector.GetProperty("kind").GetString() == "message").Select(vector => vector.GetProperty("plaintext").GetString()!).ToList();

        var first = WeComXml.Read(messages[0]).Fields!;
        var second = WeComXml.Read(messages[1]).Fields!;

        Assert.Equal(("mycreate", "text", "hello", "4561255354251345929", "218"), (first["FromUserName"], first["MsgType"], first["Content"], first["MsgId"], first["AgentID"]));
        Assert.Equal(("ChenJiaShun", "你好", "1000002"), (second["FromUserName"], second["Content"], second["AgentID"]));
    }

    [Fact]
    public void The_envelope_reads_and_empty_or_nested_fields_do_not_derail_it()
    {
        var read = WeComXml.Read("<xml><ToUserName><![CDATA[ww1]]></ToUserName><Empty/><Nested><Item><Key>a</Key></Item></Nested><Encrypt><![CDATA[abc=]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>");

        Assert.Equal(("ww1", string.Empty, "a", "abc=", "1000002"), (read.Fields!["ToUserName"], read.Fields["Empty"], read.Fields["Nested"], read.Fields["Encrypt"], read.Fields["AgentID"]));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><Content>&xxe;</Content></xml>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><xml><Content>&lol3;</Content></xml>")]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("<notxml><Content>x</Content></notxml>")]
    [InlineData("plain text")]
    [InlineData("")]
    public void Dtds_entities_malformed_and_foreign_documents_are_refused(string xml)
    {
        var read = WeComXml.Read(xml);

        Assert.False(read.Succeeded);
        Assert.Null(read.Fields);
    }

    [Fact]
    public void An_oversize_document_is_refused_before_it_is_parsed()
    {
        var read = WeComXml.Read("<xml><Content>" + new string('a', WeComXml.MaxCharacters) + "</Content></xml>");

        Assert.False(read.Succeeded);
    }
}
