using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Channels.WeCom;

/// <summary>
/// Settings of the WeCom (企业微信) channel, section <c>ChatCrm:WeCom</c>: the self-built app's
/// corp id, agent id and secret for the API, and the callback's token and EncodingAESKey.
/// Secrets come from environment variables or user secrets, never the repository.
/// </summary>
public sealed class WeComOptions : IValidatableObject
{
    public const string SectionName = "ChatCrm:WeCom";

    public const string DefaultApiBaseUrl = "https://qyapi.weixin.qq.com/cgi-bin/";

    /// <summary>Turns the channel on: the callback endpoint, WeCom deliveries and the sidebar.</summary>
    public bool Enabled { get; set; }

    /// <summary>The company's id (ww…): the receive id every callback message must carry.</summary>
    public string? CorpId { get; set; }

    /// <summary>The self-built app that sends and receives messages.</summary>
    public int? AgentId { get; set; }

    /// <summary>The app's secret, for <c>gettoken</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>The callback token: signatures are computed over it.</summary>
    public string? Token { get; set; }

    /// <summary>The callback's 43-character EncodingAESKey (base64 of the AES-256 key, without its '=').</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>The API root, ending in <c>cgi-bin/</c>; a test points it at a local server.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>How old a callback's timestamp may be (either way) before it is refused as a replay.</summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var (name, value) in new[] { (nameof(CorpId), CorpId), (nameof(Secret), Secret), (nameof(Token), Token), (nameof(EncodingAesKey), EncodingAesKey) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"{SectionName}:{name} is required when {SectionName}:Enabled is true.", [name]);
            }
        }

        if (AgentId is null)
        {
            yield return new ValidationResult($"{SectionName}:AgentId is required when {SectionName}:Enabled is true.", [nameof(AgentId)]);
        }

        if (!string.IsNullOrWhiteSpace(EncodingAesKey) && EncodingAesKey.Trim().Length != 43)
        {
            yield return new ValidationResult($"{SectionName}:EncodingAesKey must be the 43 characters WeCom shows.", [nameof(EncodingAesKey)]);
        }

        if (ReplayWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:ReplayWindow must be positive.", [nameof(ReplayWindow)]);
        }
    }
}
