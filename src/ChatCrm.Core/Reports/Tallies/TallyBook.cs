namespace ChatCrm.Core.Reports.Tallies;

/// <summary>
/// Tally pages gathered in memory: those a change touches (loaded from the store, moved, written
/// back) or, for a recount, all of them built from every lead.
/// </summary>
public sealed class TallyBook
{
    private readonly Func<string, DateOnly, DayTally?> _loadDay;
    private readonly Func<string, StageTally?> _loadStages;
    private readonly Dictionary<(string Team, DateOnly Day), DayTally> _days = [];
    private readonly Dictionary<string, StageTally> _stages = new(StringComparer.Ordinal);

    /// <param name="loadDay">The stored page of a team's day, or null when none is stored.</param>
    /// <param name="loadStages">The stored stage page of a team, or null.</param>
    public TallyBook(Func<string, DateOnly, DayTally?> loadDay, Func<string, StageTally?> loadStages)
    {
        _loadDay = loadDay;
        _loadStages = loadStages;
    }

    /// <summary>A book that starts empty, for a recount.</summary>
    public static TallyBook Empty() => new((_, _) => null, _ => null);

    public IEnumerable<DayTally> Days => _days.Values;

    public IEnumerable<StageTally> Stages => _stages.Values;

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
        if (share.ClosedDay is { } closed)
        {
            Day(share.Team, closed).ApplyClosed(share, sign);
        }
        else
        {
            StagesOf(share.Team).Apply(share, sign);
        }
    }

    private DayTally Day(string team, DateOnly day)
    {
        if (!_days.TryGetValue((team, day), out var page))
        {
            _days[(team, day)] = page = _loadDay(team, day) ?? new DayTally(team, day);
        }

        return page;
    }

    private StageTally StagesOf(string team)
    {
        if (!_stages.TryGetValue(team, out var page))
        {
            _stages[team] = page = _loadStages(team) ?? new StageTally(team);
        }

        return page;
    }
}
