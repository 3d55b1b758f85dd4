namespace ChatCrm.Language.Embedded;

/// <summary>
/// Finds the dates and times said in a message and resolves them against the moment and the offset it
/// was sent in (never the machine's clock or zone). Pieces said side by side ("明天 上午10点",
/// "next Monday at 10am") make one moment; a moment has a time only when a time was said.
/// </summary>
internal static class DateTimeGrammar
{
    private static readonly string[] JoiningWords = ["at", "on", "by", "around", "about", "@", "的", "在", "约", "大概", "大约"];

    public static List<TemporalMention> FindAll(string text, DateTimeOffset now)
    {
        var tokens = new List<TemporalToken>();
        ChineseTemporalRules.Collect(text, now, tokens);
        EnglishTemporalRules.Collect(text, now, tokens);
        if (tokens.Count == 0)
        {
            return [];
        }

        tokens.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<TemporalToken>(tokens.Count);
        var reached = -1;
        foreach (var token in tokens)
        {
            if (token.Start >= reached)
            {
                kept.Add(token);
                reached = token.End;
            }
        }

        return Combine(text, kept, now);
    }

    /// <summary>The moment a follow-up is planned for: the last one said that is still ahead.</summary>
    public static TemporalMention? FindLast(List<TemporalMention> mentions, DateTimeOffset now)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            if (mentions[i].IsUpcoming(now))
            {
                return mentions[i];
            }
        }

        return null;
    }

    /// <summary>The moment a reminder is for: the first one still ahead, else the first one said.</summary>
    public static TemporalMention? FindFirst(List<TemporalMention> mentions, DateTimeOffset now)
    {
        foreach (var mention in mentions)
        {
            if (mention.IsUpcoming(now))
            {
                return mention;
            }
        }

        return mentions.Count > 0 ? mentions[0] : null;
    }

    private static List<TemporalMention> Combine(string text, List<TemporalToken> tokens, DateTimeOffset now)
    {
        var mentions = new List<TemporalMention>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var group = new MomentBuilder();
            group.Add(tokens[i]);
            var j = i + 1;
            while (j < tokens.Count && IsJoined(text, tokens[j - 1].End, tokens[j].Start) && group.Accepts(tokens[j]))
            {
                group.Add(tokens[j]);
                j++;
            }

            if (group.Resolve(now) is { } moment)
            {
                mentions.Add(new TemporalMention(tokens[i].Start, tokens[j - 1].End, moment, group.IsPlainToday));
            }

            i = j;
        }

        return mentions;
    }

    private static bool IsJoined(string text, int from, int to)
    {
        if (to - from > 10)
        {
            return false;
        }

        var gap = text.AsSpan(from, to - from).Trim(" ,");
        if (gap.IsEmpty)
        {
            return true;
        }

        foreach (var word in JoiningWords)
        {
            if (gap.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Collects the pieces of one moment: at most one day, one clock time, parts of the day.</summary>
    private struct MomentBuilder
    {
        private DateOnly? _date;
        private TemporalToken? _time;
        private DateTime? _instant;
        private DayPart _part;
        private bool _plainToday;

        public readonly bool IsPlainToday => _plainToday && _time is null;

        public readonly bool Accepts(TemporalToken token) => token.Kind switch
        {
            TemporalKind.Date => _date is null && _instant is null,
            TemporalKind.Time => _time is null && _instant is null,
            TemporalKind.Instant => _date is null && _time is null && _instant is null,
            _ => _instant is null,
        };

        public void Add(TemporalToken token)
        {
            switch (token.Kind)
            {
                case TemporalKind.Date:
                    _date = token.Date;
                    _plainToday = token.IsPlainToday;
                    break;
                case TemporalKind.Time:
                    _time = token;
                    break;
                case TemporalKind.Instant:
                    _instant = token.Instant;
                    return;
            }

            if (token.Part != DayPart.None)
            {
                _part = token.Part;
            }
        }

        public readonly LocalMoment? Resolve(DateTimeOffset now)
        {
            if (_instant is { } instant)
            {
                return new LocalMoment(DateOnly.FromDateTime(instant), new TimeOnly(instant.Hour, instant.Minute));
            }

            var today = DateOnly.FromDateTime(now.DateTime);
            if (_time is { } said && CalendarMath.ClockTime(said.Hour, said.Minute, said.Part != DayPart.None ? said.Part : _part, said.Meridiem) is { } clock)
            {
                // A time said without a day is the next time the clock shows it.
                var day = _date ?? (clock >= new TimeOnly(now.Hour, now.Minute) ? today : today.AddDays(1));
                return new LocalMoment(day, clock);
            }

            return _date is { } date ? new LocalMoment(date, null) : null;
        }
    }
}
