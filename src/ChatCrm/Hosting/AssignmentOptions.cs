using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ChatCrm.Core.Assignment;

namespace ChatCrm.Hosting;

/// <summary>
/// ChatCrm:Assignment — the rules and working hours put in the store at start (see
/// <see cref="ApplyAssignmentRules"/>), and the engine's bounds. Checked at start: a mistake
/// stops the app with a message naming the setting.
/// </summary>
public sealed class AssignmentOptions : IValidatableObject
{
    public const string Section = "ChatCrm:Assignment";

    /// <summary>Off, no lead is assigned automatically (requests wait in the store until it is on again).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tried in this order; the built-in default rule (any lead → its team, round robin, capacity 5) comes last.</summary>
    public List<AssignmentRuleOptions> Rules { get; set; } = [];

    /// <summary>By team key; a team not listed works Monday to Friday, 09:00 to 18:00, in the organisation's zone.</summary>
    public Dictionary<string, WorkingHoursOptions> WorkingHours { get; set; } = [];

    [Range(1, 1440)]
    public int ClaimWindowMinutes { get; set; } = 30;

    [Range(1, 10)]
    public int MaxOffers { get; set; } = 3;

    [Range(1, 60)]
    public int EvaluationCapSeconds { get; set; } = 8;

    public AssignmentPolicy ToPolicy() => new(TimeSpan.FromMinutes(ClaimWindowMinutes), MaxOffers, TimeSpan.FromSeconds(EvaluationCapSeconds));

    /// <param name="organisationZone">The zone of hours that name none (ChatCrm:Crm:TimeZone).</param>
    public AssignmentRulebook ToRulebook(string organisationZone) => AssignmentRulebook.Configured(
        [.. Rules.Select((rule, index) => rule.ToRule(index + 1))],
        WorkingHours.ToDictionary(pair => pair.Key, pair => pair.Value.ToHours(organisationZone), StringComparer.Ordinal));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Rules.Count; index++)
        {
            var rule = Rules[index];
            var setting = $"{Section}:Rules:{index}";
            if (string.IsNullOrWhiteSpace(rule.Name) || !names.Add(rule.Name.Trim()))
            {
                yield return new ValidationResult($"{setting}:Name must be given and differ from the other rules' names.");
            }

            if (!Enum.TryParse<AssignmentStrategy>(rule.Strategy, ignoreCase: true, out _))
            {
                yield return new ValidationResult($"{setting}:Strategy '{rule.Strategy}' is not RoundRobin or LeastLoaded.");
            }

            if (rule.Capacity is < 1 or > 1000)
            {
                yield return new ValidationResult($"{setting}:Capacity must be between 1 and 1000.");
            }
        }

        foreach (var (team, hours) in WorkingHours)
        {
            var setting = $"{Section}:WorkingHours:{team}";
            if (hours.Problem() is { } problem)
            {
                yield return new ValidationResult($"{setting}: {problem}.");
            }
        }
    }
}

/// <summary>One rule of ChatCrm:Assignment:Rules; an empty list matches any lead.</summary>
public sealed class AssignmentRuleOptions
{
    public string Name { get; set; } = string.Empty;

    public List<string> Sources { get; set; } = [];

    public List<string> Regions { get; set; } = [];

    public List<string> Industries { get; set; } = [];

    /// <summary>The lead matches when it has any one of them.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The team key; empty for the lead's own team.</summary>
    public string? Team { get; set; }

    public string Strategy { get; set; } = nameof(AssignmentStrategy.RoundRobin);

    public int Capacity { get; set; } = AssignmentRule.DefaultCapacity;

    public AssignmentRule ToRule(int order) => new(
        Name.Trim(), order, Clean(Sources), Clean(Regions), Clean(Industries), Clean(Tags),
        string.IsNullOrWhiteSpace(Team) ? null : Team.Trim(), Enum.Parse<AssignmentStrategy>(Strategy, ignoreCase: true), Capacity);

    private static List<string> Clean(List<string> values) => [.. values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim())];
}

/// <summary>A team's working hours in ChatCrm:Assignment:WorkingHours.</summary>
public sealed class WorkingHoursOptions
{
    /// <summary>IANA id; empty for the organisation's zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Day names, "Monday" or "Mon"; empty for Monday to Friday. (Null by default: the binder adds to a list it is given.)</summary>
    public List<string>? Days { get; set; }

    public string Start { get; set; } = "09:00";

    public string End { get; set; } = "18:00";

    public string? Problem()
    {
        if (Days?.FirstOrDefault(day => ParseDay(day) is null) is { } unknown)
        {
            return $"'{unknown}' is not a day of the week";
        }

        if (!TimeOnly.TryParseExact(Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || !TimeOnly.TryParseExact(End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return $"Start and End are times of day written HH:mm (given {Start} and {End})";
        }

        return ToHours(string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone).Problem();
    }

    public WorkingHours ToHours(string organisationZone) => new(
        string.IsNullOrWhiteSpace(TimeZone) ? organisationZone : TimeZone.Trim(),
        Days is { Count: > 0 } days ? [.. days.Select(day => ParseDay(day) ?? throw new FormatException($"'{day}' is not a day of the week.")).Distinct()] : Core.Assignment.WorkingHours.Weekdays,
        TimeOnly.ParseExact(Start, "HH:mm", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(End, "HH:mm", CultureInfo.InvariantCulture));

    private static DayOfWeek? ParseDay(string day)
    {
        foreach (var known in Enum.GetValues<DayOfWeek>())
        {
            var name = known.ToString();
            if (string.Equals(name, day.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(name[..3], day.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
