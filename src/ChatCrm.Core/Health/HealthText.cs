using System.Text.RegularExpressions;

namespace ChatCrm.Core.Health;

/// <summary>Makes a failure's text fit to store and show: one line, short, and with anything that looks like a credential blanked.</summary>
public static partial class HealthText
{
    public const int LongestError = 300;

    public static string Clean(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var redacted = Credential().Replace(oneLine, match => match.Groups["name"].Value + "=***");
        redacted = Bearer().Replace(redacted, "Bearer ***");
        return redacted.Length <= LongestError ? redacted : redacted[..LongestError] + "…";
    }

    // WeCom's gettoken URL carries corpsecret in its query; tokens ride in access_token.
    [GeneratedRegex(@"(?<name>[A-Za-z_]*(secret|token|key|password|sig)[A-Za-z_]*)=[^&\s]+", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Credential();

    [GeneratedRegex(@"Bearer\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();
}
