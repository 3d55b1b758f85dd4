using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Offboarding;

/// <summary>ChatCrm:Offboarding — where an offboarded person's leads go, and HR's webhook.</summary>
public sealed class OffboardingOptions
{
    public const string Section = "ChatCrm:Offboarding";

    /// <summary>"manager" (their team's manager owns them at once) or "pool" (back to the team's pool), when the command or HR does not say.</summary>
    [Required]
    [RegularExpression("^(manager|pool)$", ErrorMessage = "ChatCrm:Offboarding:Leads must be \"manager\" or \"pool\".")]
    public string Leads { get; set; } = "manager";

    /// <summary>
    /// The HMAC-SHA256 secret HR's system signs <c>POST /api/hr/offboard</c> with; empty, the endpoint
    /// answers 404. Set it through an environment variable (ChatCrm__Offboarding__HrSecret), never in the repository.
    /// </summary>
    public string? HrSecret { get; set; }
}
