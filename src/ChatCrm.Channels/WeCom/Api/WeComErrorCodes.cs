namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// The WeCom errcodes ChatCrm acts on (WeCom's global error code list), and what each kind asks
/// for: a new access token, a retry, or an admin who fixes the app's configuration.
/// </summary>
public static class WeComErrorCodes
{
    /// <summary>System busy; also what <see cref="WeComApiException"/> carries when WeCom could not be reached.</summary>
    public const int SystemBusy = -1;

    /// <summary>At <c>gettoken</c>: the secret is wrong. Elsewhere: the access token is not valid.</summary>
    public const int InvalidCredential = 40001;

    public const int InvalidUserId = 40003;

    public const int InvalidCorpId = 40013;

    public const int InvalidAccessToken = 40014;

    public const int InvalidAgentId = 40056;

    public const int InvalidSecret = 40091;

    public const int MissingCorpId = 41002;

    public const int MissingSecret = 41004;

    public const int AccessTokenExpired = 42001;

    public const int ApiFrequencyLimit = 45009;

    public const int ApiUnauthorized = 48001;

    public const int ApiForbidden = 48002;

    public const int NoPrivilege = 60011;

    /// <summary>The server's IP is not in the app's trusted IP list (企业可信IP).</summary>
    public const int IpNotTrusted = 60020;

    /// <summary>Every recipient of a message is invalid: not a member, or outside the app's visible range.</summary>
    public const int AllRecipientsInvalid = 81013;

    public const int NotExternalContact = 84061;

    /// <summary>The access token belongs to another app than the agent id named.</summary>
    public const int AgentMismatch = 301002;

    /// <summary>The access token was refused: fetch a new one and try once more.</summary>
    public static bool IsRefusedToken(int code) => code is InvalidCredential or InvalidAccessToken or AccessTokenExpired;

    /// <summary>WeCom is busy or throttling: worth trying again shortly.</summary>
    public static bool IsBusy(int code) => code is SystemBusy or ApiFrequencyLimit;

    /// <summary>Only an admin can fix it (corp id, agent id, secret, trusted IPs, API permissions): raise an alert.</summary>
    public static bool IsConfiguration(int code) => code is InvalidCredential or InvalidCorpId or InvalidAgentId or InvalidSecret
        or MissingCorpId or MissingSecret or ApiUnauthorized or ApiForbidden or NoPrivilege or IpNotTrusted or AgentMismatch;

    /// <summary>The member cannot be sent to: not a member, or outside the app's visible range.</summary>
    public static bool IsUnreachableMember(int code) => code is InvalidUserId or AllRecipientsInvalid;
}
