namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// The WeCom API calls made while answering a request (not through the outbox): who signed in to
/// the sidebar, the JS-SDK tickets its signatures need, and an external contact's details.
/// Failures throw <see cref="WeComApiException"/> with WeCom's errcode and errmsg.
/// </summary>
public interface IWeComApi
{
    /// <summary><c>auth/getuserinfo</c>: the member's userid for an OAuth code; null for someone who is not a member.</summary>
    Task<string?> GetUserIdByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary><c>get_jsapi_ticket</c>: the corp's JS-SDK ticket (for <c>ww.register</c>'s corp signature), cached until it expires.</summary>
    Task<string> GetJsApiTicketAsync(CancellationToken cancellationToken);

    /// <summary><c>ticket/get?type=agent_config</c>: the app's JS-SDK ticket (for the agent signature), cached until it expires.</summary>
    Task<string> GetAgentJsApiTicketAsync(CancellationToken cancellationToken);

    /// <summary><c>externalcontact/get</c>: a customer's name and company; null when WeCom no longer knows them.</summary>
    Task<WeComExternalContact?> GetExternalContactAsync(string externalUserId, CancellationToken cancellationToken);
}

/// <summary>A customer as WeCom describes them (<c>external_contact</c> of <c>externalcontact/get</c>).</summary>
/// <param name="Type">1 a WeChat user, 2 a WeCom user of another company.</param>
public sealed record WeComExternalContact(string ExternalUserId, string Name, string? CorpName, string? Position, int Type);

/// <summary>WeCom answered a call with a non-zero errcode (or could not be reached: errcode -1).</summary>
public sealed class WeComApiException(int errorCode, string errorMessage)
    : Exception($"WeCom answered {errorCode}: {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;

    public string ErrorMessage { get; } = errorMessage;
}
