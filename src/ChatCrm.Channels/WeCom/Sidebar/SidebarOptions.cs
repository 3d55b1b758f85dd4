using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>
/// Settings of the WeCom chat sidebar (聊天工具栏), section <c>ChatCrm:WeCom:Sidebar</c>: how long a
/// sign-in lasts, the address WeCom sends people back to, and the development login.
/// </summary>
public sealed class SidebarOptions : IValidatableObject
{
    public const string SectionName = "ChatCrm:WeCom:Sidebar";

    /// <summary>
    /// Turns on <c>/sidebar/dev-login?user=…&amp;contact=…</c>, which signs anyone in as any WeCom
    /// userid without WeCom: only the Development and Testing environments start with it on.
    /// </summary>
    public bool DevLogin { get; set; }

    /// <summary>How long a sign-in lasts; inside WeCom a new one is silent, so a working day is enough.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The public address of the app (e.g. <c>https://crm.example.com</c>), when a proxy in front of it
    /// hides the scheme or host: the OAuth return address and page checks use it. Otherwise the
    /// request's own address is used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SessionLifetime < TimeSpan.FromMinutes(5) || SessionLifetime > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"{SectionName}:SessionLifetime must be between 00:05:00 and 1.00:00:00.", [nameof(SessionLifetime)]);
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http") || address.Query.Length > 0 || address.Fragment.Length > 0))
        {
            yield return new ValidationResult($"{SectionName}:PublicBaseUrl must be an http(s) address without query, such as https://crm.example.com.", [nameof(PublicBaseUrl)]);
        }
    }
}
