namespace ChatCrm.Core.Discipline;

/// <summary>
/// One lead in a bundled notice (a stale list, a day-end list): plain values a channel words in
/// the reader's language. Notices carry them as lines of tab-separated fields.
/// </summary>
/// <param name="Days">Days since the last follow-up (stale lists), or 0.</param>
/// <param name="Person">The owner or author the manager reads about; empty in a salesperson's own list.</param>
/// <param name="When">A moment the line is about (a promised follow-up, the follow-up logged), or null.</param>
/// <param name="Note">A channel or a note (evidence lists), or empty.</param>
public sealed record NoticeLeadLine(string LeadNumber, string Name, int Days, string Person, DateTimeOffset? When, string Note)
{
    public static string Encode(IEnumerable<NoticeLeadLine> lines) =>
        string.Join('\n', lines.Select(line => string.Join('\t',
            Clean(line.LeadNumber), Clean(line.Name), line.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), Clean(line.Person),
            line.When?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Clean(line.Note))));

    public static IReadOnlyList<NoticeLeadLine> Decode(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).OfType<NoticeLeadLine>()];

    private static NoticeLeadLine? Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length < 6)
        {
            return null;
        }

        var days = int.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        DateTimeOffset? when = DateTimeOffset.TryParse(fields[4], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var moment) ? moment : null;
        return new NoticeLeadLine(fields[0], fields[1], days, fields[3], when, fields[5]);
    }

    // Tabs and line breaks would split the line.
    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
