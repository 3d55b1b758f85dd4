namespace ChatCrm.Core.Reports.Tallies;

/// <summary>One owner's figures for one team and day: the leads created that day and the leads closed that day.</summary>
public sealed class DayTallyRow(string owner, bool excluded)
{
    public string Owner { get; } = owner;

    public bool Excluded { get; } = excluded;

    /// <summary>Leads created that day.</summary>
    public int Created { get; set; }

    /// <summary>Of the leads created that day, those that reached an opportunity.</summary>
    public int Opportunities { get; set; }

    /// <summary>Of the leads created that day, how many were first followed up within each whole number of hours.</summary>
    public SortedDictionary<int, int> FirstContactHours { get; } = [];

    /// <summary>Leads won that day.</summary>
    public int Won { get; set; }

    /// <summary>Leads lost that day.</summary>
    public int Lost { get; set; }

    public decimal WonAmount { get; set; }

    /// <summary>How long each lead won that day took from creation, in ticks.</summary>
    public List<long> CycleTicks { get; } = [];

    public bool IsEmpty => Created == 0 && Opportunities == 0 && FirstContactHours.Count == 0 && Won == 0 && Lost == 0 && WonAmount == 0 && CycleTicks.Count == 0;
}

/// <summary>
/// The report figures of one team's day, one row per owner (and per counted or excluded): the
/// funnel metrics sum rows over the days of a period instead of reading every lead.
/// </summary>
public sealed class DayTally(string team, DateOnly day)
{
    public string Team { get; } = team;

    public DateOnly Day { get; } = day;

    public List<DayTallyRow> Rows { get; } = [];

    public bool IsEmpty => Rows.Count == 0;

    /// <summary>Adds (sign 1) or takes away (sign -1) what the lead created this day adds.</summary>
    public void ApplyCreated(LeadShare share, int sign)
    {
        ArgumentNullException.ThrowIfNull(share);
        var row = Row(share);
        row.Created += sign;
        row.Opportunities += share.Opportunity ? sign : 0;
        if (share.FirstContactHours is { } hours)
        {
            Bump(row.FirstContactHours, hours, sign);
        }

        Tidy(row);
    }

    /// <summary>Adds or takes away what the lead closed this day adds.</summary>
    public void ApplyClosed(LeadShare share, int sign)
    {
        ArgumentNullException.ThrowIfNull(share);
        var row = Row(share);
        if (share.Won)
        {
            row.Won += sign;
            row.WonAmount += sign * share.Amount;
            if (share.CycleTicks is { } ticks)
            {
                if (sign > 0)
                {
                    row.CycleTicks.Add(ticks);
                }
                else
                {
                    row.CycleTicks.Remove(ticks);
                }
            }
        }
        else
        {
            row.Lost += sign;
        }

        Tidy(row);
    }

    private DayTallyRow Row(LeadShare share)
    {
        var row = Rows.Find(candidate => candidate.Owner == share.Owner && candidate.Excluded == share.Excluded);
        if (row is null)
        {
            row = new DayTallyRow(share.Owner, share.Excluded);
            Rows.Add(row);
        }

        return row;
    }

    private void Tidy(DayTallyRow row)
    {
        if (row.IsEmpty)
        {
            Rows.Remove(row);
        }
    }

    internal static void Bump(SortedDictionary<int, int> counts, int key, int sign)
    {
        var value = counts.GetValueOrDefault(key) + sign;
        if (value == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = value;
        }
    }
}
