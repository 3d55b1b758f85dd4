using System.Text.Json;
using ChatCrm.Channels.Tests.WeCom.Fixtures;
using ChatCrm.Channels.WeCom.Crypto;

namespace ChatCrm.Channels.Tests.WeCom;

public sealed class WeComJsApiSignatureTests
{
    [Fact]
    public void The_official_vector_signs_as_published()
    {
        var vector = Vector();

        var signature = WeComJsApiSignature.Compute(
            vector.GetProperty("jsapi_ticket").GetString()!,
            vector.GetProperty("noncestr").GetString()!,
            vector.GetProperty("timestamp").GetString()!,
            vector.GetProperty("url").GetString()!);

        Assert.Equal(vector.GetProperty("signature").GetString(), signature);
    }

    [Fact]
    public void The_fragment_of_the_page_url_is_not_signed()
    {
        var vector = Vector();
        string Sign(string url) => WeComJsApiSignature.Compute(vector.GetProperty("jsapi_ticket").GetString()!, "n", "1", url);

        Assert.Equal(Sign("https://crm.example.com/sidebar?x=1"), Sign("https://crm.example.com/sidebar?x=1#/lead"));
    }

    private static JsonElement Vector() => WeComVectors.JsApiSignature;
}
