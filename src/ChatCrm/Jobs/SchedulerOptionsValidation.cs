using ChatCrm.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCrm.Jobs;

/// <summary>Stops the app at start when a job's schedule cannot work, naming the setting to fix.</summary>
public sealed class SchedulerOptionsValidation(IEnumerable<ScheduledJobDefinition> definitions) : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var problems = new List<string>();
        var known = new Dictionary<string, ScheduledJobDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!known.TryAdd(definition.Name, definition))
            {
                problems.Add($"Two scheduled jobs are registered as '{definition.Name}'.");
            }
        }

        foreach (var (job, settings) in options.Jobs)
        {
            var at = $"{SchedulerSetup.Section}:Jobs:{job}";
            if (!known.TryGetValue(job, out var definition))
            {
                problems.Add($"{at} names no job; the jobs are: {string.Join(", ", known.Keys)}.");
                continue;
            }

            if (!string.IsNullOrWhiteSpace(settings.Cron) && CronProblem(settings.Cron.Trim()) is { } cronProblem)
            {
                problems.Add($"{at}:Cron '{settings.Cron}' is not a Quartz cron expression (seconds first, e.g. \"{definition.DefaultCron}\"): {cronProblem}");
            }

            if (!string.IsNullOrWhiteSpace(settings.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out _))
            {
                problems.Add($"{at}:TimeZone '{settings.TimeZone}' is not a known time zone id (use an IANA id such as Asia/Shanghai).");
            }
        }

        foreach (var definition in known.Values)
        {
            if (CronProblem(definition.DefaultCron) is { } problem)
            {
                problems.Add($"The default cron '{definition.DefaultCron}' of job '{definition.Name}' is invalid: {problem}");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? CronProblem(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException invalid)
        {
            return invalid.Message;
        }
    }
}
