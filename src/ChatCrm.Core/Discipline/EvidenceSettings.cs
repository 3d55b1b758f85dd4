namespace ChatCrm.Core.Discipline;

/// <summary>
/// When a call or visit counts as logged without evidence: its note measures under
/// <see cref="ShortUnder"/> units (<see cref="NoteLength"/>) and no longer note on the same lead
/// followed within <see cref="CompleteWithin"/>. The manager's list goes out at <see cref="DayEnd"/>
/// in the team's zone.
/// </summary>
public sealed record EvidenceSettings(bool Enabled, int ShortUnder, TimeSpan CompleteWithin, TimeOnly DayEnd)
{
    public static EvidenceSettings Default { get; } = new(false, 12, TimeSpan.FromHours(2), new TimeOnly(18, 0));

    public bool IsShort(string note) => NoteLength.Units(note) < ShortUnder;
}
