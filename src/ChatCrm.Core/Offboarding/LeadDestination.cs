namespace ChatCrm.Core.Offboarding;

/// <summary>Where an offboarded person's open leads go.</summary>
public enum LeadDestination
{
    /// <summary>To their team's manager, who owns them at once (the pool when there is no manager who can take leads).</summary>
    Manager,

    /// <summary>Back to their team's pool, for anyone in the team to claim.</summary>
    Pool,
}

/// <summary>The install's offboarding policy (<c>ChatCrm:Offboarding</c>).</summary>
public sealed record OffboardingSettings(LeadDestination DefaultLeads)
{
    public static OffboardingSettings Default { get; } = new(LeadDestination.Manager);

    /// <summary>"manager" or "pool" (or 经理 / 主管 / 公海 in chat); null when the word is neither.</summary>
    public static LeadDestination? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "manager" or "经理" or "主管" => LeadDestination.Manager,
        "pool" or "公海" or "公池" => LeadDestination.Pool,
        _ => null,
    };
}
