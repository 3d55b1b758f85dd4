using System.Globalization;
using System.Net.Http;
using System.Text;
using ChatCrm.Channels.WeCom.Crypto;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// Plays WeCom's side of the callback against the app: encrypts a message as WeCom does, wraps it
/// in the envelope, signs it for the fake clock's moment and posts it.
/// </summary>
internal sealed class WeComCallbackClient(ChatCrmApp app)
{
    public const string CorpId = WeComStandIn.CorpId;
    public const string AgentId = "1000002";
    public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";

    public static Dictionary<string, string> Settings(string? apiBaseUrl = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ChatCrm:WeCom:Enabled"] = "true",
            ["ChatCrm:WeCom:CorpId"] = CorpId,
            ["ChatCrm:WeCom:AgentId"] = AgentId,
            ["ChatCrm:WeCom:Secret"] = WeComStandIn.Secret,
            ["ChatCrm:WeCom:Token"] = Token,
            ["ChatCrm:WeCom:EncodingAesKey"] = EncodingAesKey,
        };
        if (apiBaseUrl is not null)
        {
            settings["ChatCrm:WeCom:ApiBaseUrl"] = apiBaseUrl;
        }

        return settings;
    }

    private readonly WeComCallbackCrypto _crypto = new(Token, EncodingAesKey);

    public long Now => app.Clock.GetUtcNow().ToUnixTimeSeconds();

    public static string Text(string from, string content, string msgId, long createTime) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>{AgentId}</AgentID></xml>";

    public static string Event(string from, long createTime, string eventName, params (string Name, string Value)[] fields) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>"
        + string.Concat(fields.Select(field => $"<{field.Name}><![CDATA[{field.Value}]]></{field.Name}>")) + "</xml>";

    /// <summary>Posts <paramref name="message"/> as WeCom would; the named parts can be spoiled.</summary>
    public async Task<HttpResponseMessage> PostAsync(string message, string receiveId = CorpId, string agentId = AgentId, long? timestamp = null, string? signature = null)
    {
        var encrypted = _crypto.Encrypt(message, receiveId);
        var stamp = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        const string nonce = "1597212914";
        var signed = signature ?? WeComCallbackCrypto.Signature(Token, stamp, nonce, encrypted);
        var envelope = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[{agentId}]]></AgentID></xml>";
        return await PostRawAsync(envelope, signed, stamp, nonce);
    }

    public Task<HttpResponseMessage> PostRawAsync(string body, string signature, string timestamp, string nonce) =>
        app.CreateClient().PostAsync(
            $"/api/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}",
            new StringContent(body, Encoding.UTF8, "text/xml"));

    public Task<HttpResponseMessage> VerifyAsync(string echo, long? timestamp = null)
    {
        var encrypted = _crypto.Encrypt(echo, CorpId);
        var stamp = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var signature = WeComCallbackCrypto.Signature(Token, stamp, "47744683", encrypted);
        return app.CreateClient().GetAsync($"/api/wecom/callback?msg_signature={signature}&timestamp={stamp}&nonce=47744683&echostr={Uri.EscapeDataString(encrypted)}");
    }
}
