using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// A WeCom delivery from the outbox, read back: the member it goes to, and the complete request
/// body — the content's fields and values, with the recipient and the agent id put in front, all
/// written without the \uXXXX escapes WeCom refuses (40033), except for characters outside the
/// BMP (emoji), which .NET's encoders always escape.
/// </summary>
internal sealed record WeComDelivery(WeComAddress Address, bool IsCardUpdate, string Body)
{
    private static readonly JsonSerializerOptions AddressJson = new(JsonSerializerDefaults.Web);

    // WeCom refuses \uXXXX escapes (40033), so what we add is written unescaped too.
    private static readonly JsonWriterOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The delivery, or why it can never be sent (it is dead-lettered then).</summary>
    public static (WeComDelivery? Delivery, string? Problem) Read(Delivery delivery, int agentId)
    {
        WeComAddress? address;
        try
        {
            address = JsonSerializer.Deserialize<WeComAddress>(delivery.Address, AddressJson);
        }
        catch (JsonException exception)
        {
            return (null, $"The WeCom address is not valid JSON: {exception.Message}");
        }

        // JSON null or a missing member arrives as null despite the record's non-nullable type.
        if (string.IsNullOrWhiteSpace(address?.ToUser) || address.ToUser.Contains('|', StringComparison.Ordinal))
        {
            return (null, "The WeCom address names no single member (ToUser).");
        }

        JsonDocument content;
        try
        {
            content = JsonDocument.Parse(delivery.Content);
        }
        catch (JsonException exception)
        {
            return (null, $"The WeCom content is not valid JSON: {exception.Message}");
        }

        using (content)
        {
            var isCardUpdate = !string.IsNullOrWhiteSpace(address.UpdateTaskId);
            var root = content.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The WeCom content is not a JSON object.");
            }

            // The address decides who gets it: content naming its own recipients is a writer's bug, not ours to guess at.
            string[] added = isCardUpdate ? ["userids", "partyids", "tagids", "atall", "agentid"] : ["touser", "toparty", "totag", "agentid"];
            if (added.FirstOrDefault(name => root.TryGetProperty(name, out _)) is { } clash)
            {
                return (null, $"The WeCom content carries \"{clash}\"; the sender adds the recipient and the agent id from the address and the settings.");
            }

            var required = isCardUpdate ? "response_code" : "msgtype";
            if (!root.TryGetProperty(required, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return (null, $"The WeCom content has no \"{required}\".");
            }

            return (new WeComDelivery(address, isCardUpdate, Compose(address.ToUser, agentId, isCardUpdate, root)), null);
        }
    }

    private static string Compose(string toUser, int agentId, bool isCardUpdate, JsonElement content)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Unescaped))
        {
            writer.WriteStartObject();
            if (isCardUpdate)
            {
                writer.WriteStartArray("userids");
                writer.WriteStringValue(toUser);
                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString("touser", toUser);
            }

            writer.WriteNumber("agentid", agentId);
            foreach (var property in content.EnumerateObject())
            {
                // Re-written, not copied: a writer's \u escapes (JsonNode's default) come out as plain UTF-8.
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
