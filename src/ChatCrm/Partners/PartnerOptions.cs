using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Partners;

/// <summary>ChatCrm:Partners — the partner API's rate limit per key.</summary>
public sealed class PartnerOptions
{
    public const string Section = "ChatCrm:Partners";

    /// <summary>Requests one key may make per minute (a fixed window); more get 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int PermitPerMinute { get; set; } = 60;
}
