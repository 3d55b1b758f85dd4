using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ChatCrm.Hosting;

/// <summary>ChatCrm:Scheduler:Digest: when managers get their daily digest and where its report link points.</summary>
public sealed class DigestOptions : IValidatableObject
{
    public const string Section = "ChatCrm:Scheduler:Digest";

    /// <summary>The local time (HH:mm, in each team's zone) from which the digest is sent.</summary>
    public string At { get; set; } = "08:00";

    /// <summary>Teams that want it at another time, by team key: { "east": { "At": "07:30" } }.</summary>
    public Dictionary<string, DigestTeamOptions> Teams { get; set; } = [];

    /// <summary>How long the report link opens the report.</summary>
    [Range(1, 90)]
    public int LinkLifetimeDays { get; set; } = 7;

    /// <summary>The address people reach this server at (https://crm.example.com); by default the first of "urls".</summary>
    public string? ReportBaseUrl { get; set; }

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ParseTime(At) is null)
        {
            yield return new ValidationResult($"{Section}:At must be a time such as 08:00, not '{At}'.", [nameof(At)]);
        }

        foreach (var (team, options) in Teams)
        {
            if (ParseTime(options.At) is null)
            {
                yield return new ValidationResult($"{Section}:Teams:{team}:At must be a time such as 08:00, not '{options.At}'.", [nameof(Teams)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(ReportBaseUrl)
            && (!Uri.TryCreate(ReportBaseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http") || address.Query.Length > 0))
        {
            yield return new ValidationResult($"{Section}:ReportBaseUrl must be an http(s) address without query, such as https://crm.example.com.", [nameof(ReportBaseUrl)]);
        }
    }
}

/// <summary>One team's digest time in ChatCrm:Scheduler:Digest:Teams.</summary>
public sealed class DigestTeamOptions
{
    public string At { get; set; } = "08:00";
}
