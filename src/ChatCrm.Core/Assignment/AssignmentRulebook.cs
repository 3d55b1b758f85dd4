using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Core.Assignment;

/// <summary>
/// The assignment rules and each team's working hours, as kept in the store. The default rule
/// (<see cref="AssignmentRule.Default"/>) is always tried last, so every lead matches a rule; a
/// configured rule named "default" takes its place.
/// </summary>
/// <param name="HoursByTeam">Teams not listed work <see cref="WorkingHours.Default"/> in the organisation's zone.</param>
/// <param name="Origin">A fingerprint of the configuration the rulebook came from: an unchanged
/// configuration never overwrites the store at start, a changed one is applied.</param>
public sealed record AssignmentRulebook(IReadOnlyList<AssignmentRule> Rules, IReadOnlyDictionary<string, WorkingHours> HoursByTeam, string Origin)
{
    public static AssignmentRulebook Empty { get; } = new([], new Dictionary<string, WorkingHours>(), string.Empty);

    /// <summary>A rulebook from configuration, its origin a fingerprint of everything in it.</summary>
    public static AssignmentRulebook Configured(IReadOnlyList<AssignmentRule> rules, IReadOnlyDictionary<string, WorkingHours> hoursByTeam)
    {
        static string List(IEnumerable<string> items) => string.Join(',', items);
        var text = new StringBuilder();
        foreach (var rule in rules)
        {
            text.Append(CultureInfo.InvariantCulture, $"rule|{rule.Key}|{rule.Order}|{List(rule.Sources)}|{List(rule.Regions)}|{List(rule.Industries)}|{List(rule.Tags)}|{rule.TeamKey}|{rule.Strategy}|{rule.Capacity}\n");
        }

        foreach (var (team, hours) in hoursByTeam.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"hours|{team}|{hours.TimeZone}|{List(hours.Days.Select(day => day.ToString()))}|{hours.Start:HH:mm}|{hours.End:HH:mm}\n");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return new AssignmentRulebook(rules, hoursByTeam, "config:" + Convert.ToHexStringLower(hash)[..16]);
    }

    /// <summary>The rules in the order they are tried, the default last.</summary>
    public IReadOnlyList<AssignmentRule> InOrder
    {
        get
        {
            var configured = Rules.OrderBy(rule => rule.Order).ToList();
            return configured.Any(rule => rule.Key == AssignmentRule.DefaultKey) ? configured : [.. configured, AssignmentRule.Default];
        }
    }

    /// <summary>The rule by name; a rule removed since a lead matched it reads as the default.</summary>
    public AssignmentRule Rule(string key) => InOrder.FirstOrDefault(rule => rule.Key == key) ?? InOrder[^1];

    public WorkingHours HoursOf(string teamKey, CrmSettings settings) =>
        HoursByTeam.TryGetValue(teamKey, out var hours) ? hours : WorkingHours.Default(settings.TimeZone.Id);
}
