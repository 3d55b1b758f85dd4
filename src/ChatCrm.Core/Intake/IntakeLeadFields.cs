using ChatCrm.Core.Personal;

namespace ChatCrm.Core.Intake;

/// <summary>A lead as an intake request gave it, mapped and checked: a name and a phone or an email at least.</summary>
/// <param name="Consent">Whether the person agreed to be contacted, when the source says; null when it does not.</param>
public sealed record IntakeLeadFields(
    string Name,
    Phone? Phone,
    Email? Email,
    string? Company,
    string? Industry,
    string? Region,
    string? Note,
    IntakeUtm Utm,
    bool? Consent);

/// <summary>The campaign tags of the page or ad the lead came from.</summary>
public sealed record IntakeUtm(string? Campaign, string? Source, string? Medium)
{
    public static IntakeUtm None { get; } = new(null, null, null);
}
