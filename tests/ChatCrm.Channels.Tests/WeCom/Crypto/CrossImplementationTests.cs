using System.Text.Json.Nodes;
using ChatCrm.Channels.WeCom.Crypto;

namespace ChatCrm.Channels.Tests.WeCom.Crypto;

/// <summary>Our crypto against WeCom's own npm implementation, both ways, with signatures.</summary>
public sealed class CrossImplementationTests
{
    private const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string Key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string CorpId = "ww1436e0e65a779aee";
    private const string Message = "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1763431200</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[今天给王总打了电话,下周三再跟进 📞]]></Content><MsgId>7301</MsgId><AgentID>1000002</AgentID></xml>";

    private readonly WeComCallbackCrypto _ours = new(Token, Key);

    [Fact]
    public void What_wecoms_library_encrypts_we_decrypt_and_our_signature_matches_its()
    {
        var theirs = IndependentWeComCrypto.Run(new JsonObject
        {
            ["op"] = "encrypt", ["key"] = Key, ["message"] = Message, ["id"] = CorpId, ["token"] = Token, ["timestamp"] = "1763431200", ["nonce"] = "8127",
        });
        var encrypted = (string)theirs["encrypted"]!;

        var decrypted = _ours.Decrypt(encrypted);

        Assert.Equal((Message, CorpId), (decrypted.Message, decrypted.ReceiveId));
        Assert.Equal((string?)theirs["signature"], WeComCallbackCrypto.Signature(Token, "1763431200", "8127", encrypted));
    }

    [Fact]
    public void What_we_encrypt_wecoms_library_decrypts_and_its_signature_matches_ours()
    {
        var encrypted = _ours.Encrypt(Message, CorpId);

        var theirs = IndependentWeComCrypto.Run(new JsonObject
        {
            ["op"] = "decrypt", ["key"] = Key, ["encrypted"] = encrypted, ["token"] = Token, ["timestamp"] = "1763431200", ["nonce"] = "8127",
        });

        Assert.Equal((Message, CorpId), ((string?)theirs["message"], (string?)theirs["id"]));
        Assert.Equal((string?)theirs["signature"], WeComCallbackCrypto.Signature(Token, "1763431200", "8127", encrypted));
    }
}
