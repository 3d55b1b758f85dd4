using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ChatCrm.Core.Discipline;

namespace ChatCrm.Hosting;

/// <summary>
/// ChatCrm:Scheduler:StaleLeads — when an owned lead is stale, when its manager hears of it, and
/// whether it goes back to the pool; a team may set its own under Teams:{team}, and what it leaves
/// out comes from the top level. AfterDays defaults to ChatCrm:Crm:StaleAfterDays.
/// </summary>
public sealed class StaleLeadOptions : IValidatableObject
{
    public const string Section = SchedulerSetup.Section + ":StaleLeads";

    public int? AfterDays { get; set; }

    public int ManagerAfterDays { get; set; } = StaleThresholds.Default.ManagerAfterDays;

    /// <summary>Null (the default): stale leads never go back to the pool on their own.</summary>
    public int? ReturnToPoolAfterDays { get; set; }

    public Dictionary<string, TeamStaleLeadOptions> Teams { get; set; } = [];

    public StaleLeadPolicy ToPolicy(int organisationStaleAfterDays)
    {
        var general = new StaleThresholds(AfterDays ?? organisationStaleAfterDays, ManagerAfterDays, ReturnToPoolAfterDays);
        return new StaleLeadPolicy(general, Teams.ToDictionary(pair => pair.Key, pair => pair.Value.Over(general), StringComparer.Ordinal));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var general = new StaleThresholds(AfterDays ?? StaleThresholds.Default.AfterDays, ManagerAfterDays, ReturnToPoolAfterDays);
        if (general.Problem() is { } problem)
        {
            yield return new ValidationResult($"{Section}: {problem}.");
        }

        foreach (var (team, own) in Teams)
        {
            if (own.Over(general).Problem() is { } teamProblem)
            {
                yield return new ValidationResult($"{Section}:Teams:{team}: {teamProblem}.");
            }
        }
    }
}

/// <summary>One team's own stale-lead thresholds; a value left out is the top level's. ReturnToPoolAfterDays 0 turns returning off for the team.</summary>
public sealed class TeamStaleLeadOptions
{
    public int? AfterDays { get; set; }

    public int? ManagerAfterDays { get; set; }

    public int? ReturnToPoolAfterDays { get; set; }

    public StaleThresholds Over(StaleThresholds general) => new(
        AfterDays ?? general.AfterDays,
        ManagerAfterDays ?? general.ManagerAfterDays,
        ReturnToPoolAfterDays switch { null => general.ReturnToPoolAfterDays, 0 => null, var days => days });
}

/// <summary>ChatCrm:Scheduler:NextStepPrompts — how long after a follow-up without a next date its author is asked for one.</summary>
public sealed class NextStepPromptOptions
{
    public const string Section = SchedulerSetup.Section + ":NextStepPrompts";

    [Range(0, 1440)]
    public int WaitMinutes { get; set; } = 30;

    public NextStepSettings ToSettings() => NextStepSettings.Default with { Wait = TimeSpan.FromMinutes(WaitMinutes) };
}

/// <summary>ChatCrm:Scheduler:FollowUpEvidence — calls and visits logged with too short a note, listed to the manager at day end. Off by default.</summary>
public sealed class FollowUpEvidenceOptions : IValidatableObject
{
    public const string Section = SchedulerSetup.Section + ":FollowUpEvidence";

    public bool Enabled { get; set; }

    /// <summary>A note under this many units is short (a Chinese character counts 1, a word in Latin letters 2).</summary>
    [Range(1, 200)]
    public int ShortNoteUnder { get; set; } = EvidenceSettings.Default.ShortUnder;

    [Range(1, 1440)]
    public int CompleteWithinMinutes { get; set; } = 120;

    /// <summary>When the manager's list goes out, HH:mm in the team's zone.</summary>
    public string DayEnd { get; set; } = "18:00";

    public EvidenceSettings ToSettings() => new(
        Enabled, ShortNoteUnder, TimeSpan.FromMinutes(CompleteWithinMinutes), TimeOnly.ParseExact(DayEnd, "HH:mm", CultureInfo.InvariantCulture));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeOnly.TryParseExact(DayEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return new ValidationResult($"{Section}:DayEnd '{DayEnd}' is not a time of day as HH:mm (e.g. 18:00).");
        }
    }
}
