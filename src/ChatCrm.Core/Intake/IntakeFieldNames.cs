namespace ChatCrm.Core.Intake;

/// <summary>
/// The names every source may use without a mapping ("name", "phone", "utm_campaign", "city"…),
/// and how a mapping's target is written in configuration and in the store.
/// </summary>
public static class IntakeFieldNames
{
    private static readonly Dictionary<string, IntakeField> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = IntakeField.Name,
        ["phone"] = IntakeField.Phone,
        ["email"] = IntakeField.Email,
        ["company"] = IntakeField.Company,
        ["industry"] = IntakeField.Industry,
        ["region"] = IntakeField.Region,
        ["city"] = IntakeField.Region,
        ["note"] = IntakeField.Note,
        ["utm_campaign"] = IntakeField.UtmCampaign,
        ["utm_source"] = IntakeField.UtmSource,
        ["utm_medium"] = IntakeField.UtmMedium,
        ["consent"] = IntakeField.Consent,
    };

    /// <summary>The standard name of a field, as the 400 answer names it when the sender gave none.</summary>
    public static string Of(IntakeField field) => field switch
    {
        IntakeField.UtmCampaign => "utm_campaign",
        IntakeField.UtmSource => "utm_source",
        IntakeField.UtmMedium => "utm_medium",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>The field a standard name ("phone", "city", "utm_source", or the enum's own name) stands for.</summary>
    public static IntakeField? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (Standard.TryGetValue(trimmed, out var field))
        {
            return field;
        }

        return Enum.TryParse<IntakeField>(trimmed, ignoreCase: true, out var named) && Enum.IsDefined(named) && !char.IsAsciiDigit(trimmed[0]) ? named : null;
    }

    /// <summary>The field a standard name ("phone", "city"…) fills: how a name the source does not map is read.</summary>
    public static IntakeField? StandardField(string incomingName) => Standard.TryGetValue(incomingName.Trim(), out var field) ? field : null;
}
