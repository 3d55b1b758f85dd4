using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Channels.Conversation;

namespace ChatCrm.Channels.WeCom.Messages;

/// <summary>
/// A report's chart as a WeCom image message. WeCom shows no image by URL in a template card, so
/// the chart goes as its own <c>image</c> message after the card: the outbox keeps the chart's
/// address, and the sender uploads the PNG (<c>media/upload</c>) and puts the media id in its place
/// when it sends.
/// </summary>
public static class WeComChartImage
{
    private const string ChartField = "chatcrm_chart";
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The content of the image message, for the outbox: <c>{"msgtype":"image","image":{"chatcrm_chart":url}}</c>.</summary>
    public static JsonObject Write(ReplyImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new JsonObject { ["msgtype"] = "image", ["image"] = new JsonObject { [ChartField] = image.Url } };
    }

    /// <summary>The chart's address when <paramref name="body"/> is a chart image message still to upload.</summary>
    public static string? UrlOf(string body)
    {
        if (!body.Contains(ChartField, StringComparison.Ordinal))
        {
            return null;
        }

        var node = JsonNode.Parse(body);
        return node?["msgtype"]?.GetValue<string>() == "image" ? node["image"]?[ChartField]?.GetValue<string>() : null;
    }

    /// <summary>The message with the uploaded picture's media id in place of the chart's address.</summary>
    public static string WithMedia(string body, string mediaId)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        node["image"] = new JsonObject { ["media_id"] = mediaId };
        return node.ToJsonString(Unescaped);
    }
}
