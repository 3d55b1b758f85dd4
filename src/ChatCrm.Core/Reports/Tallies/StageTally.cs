using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Reports.Tallies;

/// <summary>One owner's open leads at one stage, and their amounts.</summary>
public sealed class StageTallyRow(string owner, bool excluded, LeadStage stage)
{
    public string Owner { get; } = owner;

    public bool Excluded { get; } = excluded;

    public LeadStage Stage { get; } = stage;

    public int Count { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>A team's open leads by owner and stage as they stand: the pipeline without reading the leads.</summary>
public sealed class StageTally(string team)
{
    public string Team { get; } = team;

    public List<StageTallyRow> Rows { get; } = [];

    public bool IsEmpty => Rows.Count == 0;

    /// <summary>Adds (sign 1) or takes away (sign -1) an open lead.</summary>
    public void Apply(LeadShare share, int sign)
    {
        ArgumentNullException.ThrowIfNull(share);
        var row = Rows.Find(candidate => candidate.Owner == share.Owner && candidate.Excluded == share.Excluded && candidate.Stage == share.Stage);
        if (row is null)
        {
            row = new StageTallyRow(share.Owner, share.Excluded, share.Stage);
            Rows.Add(row);
        }

        row.Count += sign;
        row.Amount += sign * share.Amount;
        if (row.Count == 0 && row.Amount == 0)
        {
            Rows.Remove(row);
        }
    }
}
