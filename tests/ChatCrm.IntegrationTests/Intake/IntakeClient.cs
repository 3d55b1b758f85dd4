using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChatCrm.Endpoints;
using ChatCrm.Intake;

namespace ChatCrm.IntegrationTests.Intake;

/// <summary>
/// Sends leads to the app as a source does: the body signed with the source's secret over the
/// timestamp and the raw bytes. Two sources are configured as appsettings.json would: "webform"
/// (standard names plus mobile and message, east's pool) and "douyin" (its own names, south's pool).
/// </summary>
public sealed class IntakeClient(ChatCrmApp app)
{
    public const string WebformSecret = "test-webform-secret-0123456789";
    public const string DouyinSecret = "test-douyin-secret-0123456789";

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["ChatCrm:Intake:Sources:0:Key"] = "webform",
        ["ChatCrm:Intake:Sources:0:Channel"] = "web",
        ["ChatCrm:Intake:Sources:0:Secret"] = WebformSecret,
        ["ChatCrm:Intake:Sources:0:Fields:mobile"] = "phone",
        ["ChatCrm:Intake:Sources:0:Fields:message"] = "note",
        ["ChatCrm:Intake:Sources:0:Team"] = "east",
        ["ChatCrm:Intake:Sources:1:Key"] = "douyin",
        ["ChatCrm:Intake:Sources:1:Channel"] = "douyin",
        ["ChatCrm:Intake:Sources:1:Secret"] = DouyinSecret,
        ["ChatCrm:Intake:Sources:1:Fields:姓名"] = "name",
        ["ChatCrm:Intake:Sources:1:Fields:手机"] = "phone",
        ["ChatCrm:Intake:Sources:1:Fields:公司名称"] = "company",
        ["ChatCrm:Intake:Sources:1:Tags:0"] = "vip",
        ["ChatCrm:Intake:Sources:1:Team"] = "south",
    };

    public Task<HttpResponseMessage> PostJsonAsync(string source, object fields, string? idempotencyKey = null, string secret = WebformSecret) =>
        PostAsync(source, JsonSerializer.SerializeToUtf8Bytes(fields), "application/json", secret, idempotencyKey: idempotencyKey);

    public Task<HttpResponseMessage> PostFormAsync(string source, IEnumerable<KeyValuePair<string, string>> fields, string secret = WebformSecret)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&', fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value))));
        return PostAsync(source, body, "application/x-www-form-urlencoded", secret);
    }

    /// <param name="timestamp">Unix seconds; now on the app's clock when null.</param>
    /// <param name="signature">The header as sent; the right signature when null.</param>
    public async Task<HttpResponseMessage> PostAsync(
        string source, byte[] body, string contentType, string secret = WebformSecret, long? timestamp = null, string? signature = null, string? idempotencyKey = null)
    {
        var sentAt = (timestamp ?? app.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/intake/{source}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(IntakeEndpoints.TimestampHeader, sentAt);
        request.Headers.Add(IntakeEndpoints.SignatureHeader, signature ?? IntakeSignature.Sign(secret, sentAt, body));
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IntakeEndpoints.IdempotencyKeyHeader, idempotencyKey);
        }

        return await app.CreateClient().SendAsync(request);
    }
}
