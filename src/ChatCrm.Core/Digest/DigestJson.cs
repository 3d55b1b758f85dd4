using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCrm.Core.Digest;

/// <summary>
/// The digest's numbers and exceptions as JSON: how the notice carries them to every channel and
/// how the stored digest keeps them, so the report page shows what was sent.
/// </summary>
public static class DigestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Metrics(IReadOnlyList<DigestMetric> metrics) => JsonSerializer.Serialize(metrics, Options);

    public static string Exceptions(IReadOnlyList<DigestException> exceptions) => JsonSerializer.Serialize(exceptions, Options);

    public static string Counts(IReadOnlyDictionary<DigestExceptionKind, int> counts) => JsonSerializer.Serialize(counts, Options);

    /// <summary>The numbers in <paramref name="json"/>; none when it is missing or unreadable (a notice from an older version).</summary>
    public static IReadOnlyList<DigestMetric> ReadMetrics(string? json) => Read<List<DigestMetric>>(json) ?? [];

    public static IReadOnlyList<DigestException> ReadExceptions(string? json) => Read<List<DigestException>>(json) ?? [];

    public static IReadOnlyDictionary<DigestExceptionKind, int> ReadCounts(string? json) => Read<Dictionary<DigestExceptionKind, int>>(json) ?? [];

    private static T? Read<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
