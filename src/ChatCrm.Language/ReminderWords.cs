using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Reminders;

namespace ChatCrm.Language;

/// <summary>
/// The few words the reminder and quiet-hours commands take, read the same way whether typed
/// ("/reminder snooze 3f9a0c21 1h", "/quiet 22:00-07:30"), answered to a question, or carried by a button.
/// </summary>
public static partial class ReminderWords
{
    /// <summary>"1h", "1小时", "hour" → an hour; "tomorrow", "明天" → tomorrow 09:00; else null.</summary>
    public static SnoozeLength? Snooze(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "1h" or "1hr" or "1 hour" or "hour" or "an hour" or "60m" or "60min" or "1小时" or "一小时" or "1个小时" or "一个小时" or "onehour" => SnoozeLength.OneHour,
        "tomorrow" or "tmr" or "tmrw" or "明天" or "明早" or "明天上午" => SnoozeLength.Tomorrow,
        _ => null,
    };

    /// <summary>How a snooze length is written in a button's payload: read back by <see cref="Snooze"/>.</summary>
    public static string Write(SnoozeLength length) => length == SnoozeLength.OneHour ? "1h" : "tomorrow";

    /// <summary>
    /// "22:00-07:30", "22-7", "22:00~07:30", "22:00 07:30" → those quiet hours; "off", "关", "关闭",
    /// "none" → <see cref="QuietHours.Off"/> (as is a start equal to its end); anything else → null.
    /// </summary>
    public static QuietHours? Quiet(string? text)
    {
        var words = text?.Trim().ToLowerInvariant();
        if (words is "off" or "none" or "关" or "关闭" or "不要" or "无")
        {
            return QuietHours.Off;
        }

        var range = words is null ? null : Range().Match(words);
        if (range is not { Success: true } || Time(range.Groups["from"].Value) is not { } start || Time(range.Groups["to"].Value) is not { } end)
        {
            return null;
        }

        return start == end ? QuietHours.Off : new QuietHours(start, end);
    }

    /// <summary>How quiet hours are written in a payload: read back by <see cref="Quiet"/>.</summary>
    public static string Write(QuietHours hours) =>
        hours.IsOff ? "off" : $"{hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{hours.End.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    // "7", "07:30", "24:00" (midnight, as people write the end of a day).
    private static TimeOnly? Time(string text)
    {
        var parts = text.Split(':', '：');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour))
        {
            return null;
        }

        var minute = 0;
        if (parts.Length > 1 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute))
        {
            return null;
        }

        return hour == 24 && minute == 0 ? TimeOnly.MinValue
            : hour < 24 && minute < 60 ? new TimeOnly(hour, minute)
            : null;
    }

    [GeneratedRegex(@"^(?<from>\d{1,2}(?:[:：]\d{2})?)\s*(?:-|–|—|~|～|到|至|to|\s)\s*(?<to>\d{1,2}(?:[:：]\d{2})?)$", RegexOptions.ExplicitCapture)]
    private static partial Regex Range();
}
