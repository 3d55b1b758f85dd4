namespace ChatCrm.Language.Embedded;

/// <summary>The part of a day a word names; it turns "3点" or "at 8" into a.m. or p.m.</summary>
internal enum DayPart
{
    None,
    Morning,
    Noon,
    Afternoon,
    Evening,
}

/// <summary>An explicit a.m./p.m. marker on a clock time.</summary>
internal enum Meridiem
{
    None,
    Am,
    Pm,
}

/// <summary>What kind of piece of a date or time expression a token is.</summary>
internal enum TemporalKind
{
    /// <summary>A calendar day (明天, next Tuesday, 12月3号).</summary>
    Date,

    /// <summary>A clock time, still to be placed on a day (下午3点, 3pm, at 10).</summary>
    Time,

    /// <summary>A moment fixed by an offset from now (2小时后, in 30 minutes).</summary>
    Instant,

    /// <summary>A part of the day said on its own (下午, in the morning).</summary>
    Part,
}

/// <summary>One piece of a date or time expression found in a message, before pieces are combined.</summary>
internal readonly record struct TemporalToken(int Start, int End, TemporalKind Kind)
{
    public DateOnly Date { get; init; }

    public DateTime Instant { get; init; }

    public int Hour { get; init; }

    public int Minute { get; init; }

    public DayPart Part { get; init; }

    public Meridiem Meridiem { get; init; }

    /// <summary>"今天/today" on its own: in a follow-up it says when the contact happened, not what comes next.</summary>
    public bool IsPlainToday { get; init; }

    public static TemporalToken ForDate(int start, int end, DateOnly date, DayPart part = DayPart.None, bool plainToday = false) =>
        new(start, end, TemporalKind.Date) { Date = date, Part = part, IsPlainToday = plainToday };

    public static TemporalToken ForTime(int start, int end, int hour, int minute, DayPart part, Meridiem meridiem) =>
        new(start, end, TemporalKind.Time) { Hour = hour, Minute = minute, Part = part, Meridiem = meridiem };

    public static TemporalToken ForInstant(int start, int end, DateTime instant) =>
        new(start, end, TemporalKind.Instant) { Instant = instant };

    public static TemporalToken ForPart(int start, int end, DayPart part) =>
        new(start, end, TemporalKind.Part) { Part = part };
}
