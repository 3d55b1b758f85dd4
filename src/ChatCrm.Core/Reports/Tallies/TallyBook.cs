namespace ChatCrm.Core.Reports.Tallies;

/// <summary>
/// Tally pages gathered in memory: those a change touches (loaded from the store, moved, written
/// back) or, for a recount, all of them built from every lead. A lead counts on its team's day
/// pages and on the same figures summed by month (so a month or a quarter reads one page per team),
/// on its team's stage page while open, and on its owner's list of teams (so a salesperson's own
/// numbers read only the teams they hold leads in).
/// </summary>
public sealed class TallyBook
{
    private readonly TallyPages _stored;
    private readonly Dictionary<(string Team, DateOnly Day), DayTally> _days = [];
    private readonly Dictionary<(string Team, DateOnly Month), DayTally> _months = [];
    private readonly Dictionary<string, StageTally> _stages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnerTeams> _owners = new(StringComparer.Ordinal);

    /// <param name="stored">Reads the stored pages a change touches; each returns null when none is stored.</param>
    public TallyBook(TallyPages stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _stored = stored;
    }

    /// <summary>A book that starts empty, for a recount.</summary>
    public static TallyBook Empty() => new(TallyPages.None);

    public IEnumerable<DayTally> Days => _days.Values;

    /// <summary>Month pages: a day page's figures summed over a calendar month, dated its first day.</summary>
    public IEnumerable<DayTally> Months => _months.Values;

    public IEnumerable<StageTally> Stages => _stages.Values;

    public IEnumerable<OwnerTeams> Owners => _owners.Values;

    /// <summary>Moves the tallies from what <paramref name="before"/> added to what <paramref name="after"/> adds (either may be null: a lead stored or removed).</summary>
    public void Move(LeadShare? before, LeadShare? after)
    {
        if (before == after)
        {
            return;
        }

        if (before is not null)
        {
            Apply(before, -1);
        }

        if (after is not null)
        {
            Apply(after, 1);
        }
    }

    private void Apply(LeadShare share, int sign)
    {
        Day(share.Team, share.CreatedDay).ApplyCreated(share, sign);
        Month(share.Team, share.CreatedDay).ApplyCreated(share, sign);
        if (share.ClosedDay is { } closed)
        {
            Day(share.Team, closed).ApplyClosed(share, sign);
            Month(share.Team, closed).ApplyClosed(share, sign);
        }
        else
        {
            StagesOf(share.Team).Apply(share, sign);
        }

        if (share.Owner.Length > 0)
        {
            OwnerOf(share.Owner).Bump(share.Team, sign);
        }
    }

    private DayTally Day(string team, DateOnly day)
    {
        if (!_days.TryGetValue((team, day), out var page))
        {
            _days[(team, day)] = page = _stored.Day(team, day) ?? new DayTally(team, day);
        }

        return page;
    }

    private DayTally Month(string team, DateOnly day)
    {
        var month = TallyRules.MonthOf(day);
        if (!_months.TryGetValue((team, month), out var page))
        {
            _months[(team, month)] = page = _stored.Month(team, month) ?? new DayTally(team, month);
        }

        return page;
    }

    private StageTally StagesOf(string team)
    {
        if (!_stages.TryGetValue(team, out var page))
        {
            _stages[team] = page = _stored.Stages(team) ?? new StageTally(team);
        }

        return page;
    }

    private OwnerTeams OwnerOf(string owner)
    {
        if (!_owners.TryGetValue(owner, out var page))
        {
            _owners[owner] = page = _stored.Owner(owner) ?? new OwnerTeams(owner);
        }

        return page;
    }
}

/// <summary>How a <see cref="TallyBook"/> reads the stored pages a change touches.</summary>
public sealed record TallyPages(
    Func<string, DateOnly, DayTally?> Day,
    Func<string, DateOnly, DayTally?> Month,
    Func<string, StageTally?> Stages,
    Func<string, OwnerTeams?> Owner)
{
    public static TallyPages None { get; } = new((_, _) => null, (_, _) => null, _ => null, _ => null);
}

/// <summary>The teams an owner holds leads in (any stage), and how many in each.</summary>
public sealed class OwnerTeams(string owner)
{
    public string Owner { get; } = owner;

    public SortedDictionary<string, int> Teams { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Teams.Count == 0;

    public void Bump(string team, int sign)
    {
        var count = Teams.GetValueOrDefault(team) + sign;
        if (count == 0)
        {
            Teams.Remove(team);
        }
        else
        {
            Teams[team] = count;
        }
    }
}
