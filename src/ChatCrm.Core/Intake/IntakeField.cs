namespace ChatCrm.Core.Intake;

/// <summary>The lead fields an intake source can fill; each source maps its own field names onto these.</summary>
public enum IntakeField
{
    Name,
    Phone,
    Email,
    Company,
    Industry,
    Region,
    Note,
    UtmCampaign,
    UtmSource,
    UtmMedium,
    Consent,
}
