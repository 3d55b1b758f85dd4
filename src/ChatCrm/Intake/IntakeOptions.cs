using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Intake;

/// <summary>ChatCrm:Intake — the lead intake gateway: sources to bootstrap, dedupe, signing and reconciliation.</summary>
public sealed class IntakeOptions
{
    public const string Section = "ChatCrm:Intake";

    /// <summary>Sources created in the store at start when it lacks them; see <see cref="Core.Intake.BootstrapIntakeSources"/>.</summary>
    public List<IntakeSourceOptions> Sources { get; set; } = [];

    /// <summary>A request matching a lead changed within this many days is a touch on it, not a new lead.</summary>
    [Range(1, 3650)]
    public int DedupeWindowDays { get; set; } = 90;

    /// <summary>An hour whose requests without a stored outcome exceed this share of those received alerts the admins.</summary>
    [Range(0, 100)]
    public double ReconciliationGapPercent { get; set; } = 10;

    /// <summary>How far a request's X-ChatCrm-Timestamp may be from our clock.</summary>
    [Range(1, 60)]
    public int ClockSkewMinutes { get; set; } = 5;
}

/// <summary>One entry of ChatCrm:Intake:Sources.</summary>
public sealed class IntakeSourceOptions
{
    public string Key { get; set; } = string.Empty;

    public string Channel { get; set; } = string.Empty;

    /// <summary>The HMAC secret; set it through an environment variable (ChatCrm__Intake__Sources__0__Secret) outside development.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The source's own field names → a lead field ("name", "phone", "email", "company", "industry", "region", "note", "utm_campaign", "utm_source", "utm_medium", "consent").</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    /// <summary>The team whose pool the source's leads land in.</summary>
    public string? Team { get; set; }
}
