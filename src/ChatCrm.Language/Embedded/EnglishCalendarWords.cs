namespace ChatCrm.Language.Embedded;

/// <summary>The English words for counts, parts of the day, weekdays and months that the date grammar reads.</summary>
internal static class EnglishCalendarWords
{
    public static int CountOf(string word) => word.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" or "a few" or "few" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        var other when other.EndsWith("couple of", StringComparison.Ordinal) => 2,
        var digits => int.TryParse(digits, out var n) ? n : -1,
    };

    public static DayPart PartOf(string word) => word.ToLowerInvariant() switch
    {
        "morning" => DayPart.Morning,
        "afternoon" => DayPart.Afternoon,
        "evening" or "night" => DayPart.Evening,
        _ => DayPart.None,
    };

    public static int WeekdayIndex(string day) => day.ToLowerInvariant()[..2] switch
    {
        "mo" => 0,
        "tu" => 1,
        "we" => 2,
        "th" => 3,
        "fr" => 4,
        "sa" => 5,
        _ => 6,
    };

    public static int MonthIndex(string month) => month.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };
}
