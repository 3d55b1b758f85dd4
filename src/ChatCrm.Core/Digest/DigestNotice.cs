using System.Globalization;
using System.Text.Json;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Core.Digest;

/// <summary>
/// The "manager.digest" notice: the digest's numbers as strings, the fastest responders as
/// "name=seconds=leads" entries in a JSON array (names may hold any character), and the report link.
/// </summary>
public static class DigestNotice
{
    public static Notice For(ManagerDigest digest, string reportUrl) => new(Notices.ManagerDigest, new Dictionary<string, string>
    {
        ["team"] = digest.TeamKey,
        ["team_name"] = digest.TeamName,
        ["day"] = SendManagerDigests.Day(digest.Yesterday),
        ["zone"] = digest.TimeZone,
        ["as_of"] = digest.AsOf.ToString("O", CultureInfo.InvariantCulture),
        ["new"] = Number(digest.NewYesterday.Count),
        ["new_before"] = Number(digest.NewDayBefore.Count),
        ["followups"] = Number(digest.FollowUpsYesterday.Count),
        ["stale"] = Number(digest.Stale.Count),
        ["fastest"] = JsonSerializer.Serialize(digest.Fastest.Select(responder => new[]
        {
            responder.DisplayName,
            Number((long)responder.Median.TotalSeconds),
            Number(responder.Leads),
        })),
        ["report"] = reportUrl,
        ["metrics"] = DigestJson.Metrics(digest.Metrics),
        ["exceptions"] = DigestJson.Exceptions(digest.Exceptions),
        ["exception_counts"] = DigestJson.Counts(digest.ExceptionCounts),
    });

    /// <summary>The fastest responders a notice carries: name, median, leads.</summary>
    public static IReadOnlyList<(string Name, TimeSpan Median, int Leads)> Fastest(Notice notice)
    {
        if (!notice.Args.TryGetValue("fastest", out var json) || string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return [.. (JsonSerializer.Deserialize<string[][]>(json) ?? [])
                .Where(entry => entry.Length == 3)
                .Select(entry => (entry[0], TimeSpan.FromSeconds(long.Parse(entry[1], CultureInfo.InvariantCulture)), int.Parse(entry[2], CultureInfo.InvariantCulture)))];
        }
        catch (Exception unreadable) when (unreadable is JsonException or FormatException or OverflowException)
        {
            return [];
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
