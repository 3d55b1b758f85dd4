namespace ChatCrm.Language.Embedded;

/// <summary>A date or time said in a message, resolved to a local moment, with where it was said.</summary>
internal readonly record struct TemporalMention(int Start, int End, LocalMoment Moment, bool IsPlainToday)
{
    /// <summary>True when the moment is now or later; a bare "today" counts as past (it dates the contact).</summary>
    public bool IsUpcoming(DateTimeOffset now)
    {
        var local = now.DateTime;
        var today = DateOnly.FromDateTime(local);
        if (Moment.Time is { } time)
        {
            return Moment.Date.ToDateTime(time) >= new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0);
        }

        return Moment.Date > today || (Moment.Date == today && !IsPlainToday);
    }
}
