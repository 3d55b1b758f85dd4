using ChatCrm.Channels.Teams.Schema;

namespace ChatCrm.Channels.Tests.Teams.Schema;

public sealed class ConnectorUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/apac/", "https://smba.trafficmanager.net/apac/v3/conversations/a%3A1AliceConversationId/activities/1763431200001")]
    [InlineData("http://localhost:56150/_connector", "http://localhost:56150/_connector/v3/conversations/a%3A1AliceConversationId/activities/1763431200001")]
    [InlineData("http://localhost:56150", "http://localhost:56150/v3/conversations/a%3A1AliceConversationId/activities/1763431200001")]
    public void A_reply_url_joins_with_or_without_a_trailing_slash(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorUrls.ReplyToActivity(serviceUrl, "a:1AliceConversationId", "1763431200001").AbsoluteUri);
    }

    [Fact]
    public void Teams_conversation_ids_are_escaped_in_the_path()
    {
        var url = ConnectorUrls.ReplyToActivity("https://smba.trafficmanager.net/apac/", "19:abc@thread.skype;messageid=1763431200001", "1763431200001");

        Assert.Equal("/apac/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D1763431200001/activities/1763431200001", url.AbsolutePath);
    }

    [Fact]
    public void Proactive_urls_have_no_reply_id()
    {
        Assert.Equal("http://localhost:56150/_connector/v3/conversations", ConnectorUrls.Conversations("http://localhost:56150/_connector").AbsoluteUri);
        Assert.Equal("https://smba.trafficmanager.net/apac/v3/conversations/a%3A1/activities",
            ConnectorUrls.SendToConversation("https://smba.trafficmanager.net/apac/", "a:1").AbsoluteUri);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net/apac/")]
    [InlineData("ftp://example.com/")]
    [InlineData("")]
    public void A_service_url_that_is_not_absolute_http_is_refused(string serviceUrl)
    {
        Assert.Throws<ArgumentException>(() => ConnectorUrls.Conversations(serviceUrl));
    }
}
