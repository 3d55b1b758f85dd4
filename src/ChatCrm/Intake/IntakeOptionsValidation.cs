using ChatCrm.Core.Intake;
using Microsoft.Extensions.Options;

namespace ChatCrm.Intake;

/// <summary>Stops the app at start when a configured source cannot work, naming the setting to fix.</summary>
public sealed class IntakeOptionsValidation : IValidateOptions<IntakeOptions>
{
    /// <summary>Shorter secrets are guessable; 32 random bytes as hex (what /admin source add makes) is 64.</summary>
    public const int ShortestSecret = 16;

    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        var problems = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var at = $"{IntakeOptions.Section}:Sources:{i}";
            if (!IntakeSource.IsValidKey(source.Key))
            {
                problems.Add($"{at}:Key '{source.Key}' must be 1 to 40 lower-case letters, digits, '-' or '_'.");
            }
            else if (!keys.Add(source.Key))
            {
                problems.Add($"{at}:Key '{source.Key}' is configured twice.");
            }

            if (!IntakeSource.IsValidKey(source.Channel))
            {
                problems.Add($"{at}:Channel must be a tag such as web, douyin, wechat-oa, ads or partner.");
            }

            if (source.Secret.Trim().Length < ShortestSecret)
            {
                problems.Add($"{at}:Secret must be at least {ShortestSecret} characters (set it through the environment, e.g. ChatCrm__Intake__Sources__{i}__Secret).");
            }

            foreach (var (theirs, ours) in source.Fields)
            {
                if (IntakeFieldNames.Find(ours) is null)
                {
                    problems.Add($"{at}:Fields:{theirs} maps to '{ours}', which is not a lead field (name, phone, email, company, industry, region, note, utm_campaign, utm_source, utm_medium, consent).");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
