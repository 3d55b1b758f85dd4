using System.Collections.Concurrent;
using ChatCrm.Channels.WeCom.Api;

namespace ChatCrm.IntegrationTests.WeCom;

/// <summary>
/// WeCom's API as the sidebar sees it, answered in memory with fixed tickets and codes. The real
/// client (IWeComApi over HTTP) is being written on another branch; once it is merged, these tests
/// run it against a loopback WeCom stand-in instead, as the Teams tests run theirs.
/// </summary>
/// <remarks>
/// Codes: <c>CODE-{userid}</c> is a member with that userid, <see cref="StrangerCode"/> someone
/// outside the company, <see cref="RefusedCode"/> one WeCom refuses (errcode 40029).
/// </remarks>
public sealed class FixedWeComApi : IWeComApi
{
    public const string CorpTicket = "corp-ticket-kgt8ON7yVITDhtdwci0qeZ1HzVdpR7wD";
    public const string AgentTicket = "agent-ticket-bxLdikRXVbTPdHSM05e5u5sUoXNKd8-4";
    public const string StrangerCode = "CODE-STRANGER";
    public const string RefusedCode = "CODE-REFUSED";
    private const string MemberCodePrefix = "CODE-";

    /// <summary>Every code the app asked WeCom about, in order.</summary>
    public ConcurrentQueue<string> ExchangedCodes { get; } = new();

    public static string CodeFor(string userId) => MemberCodePrefix + userId;

    public Task<string?> GetUserIdByCodeAsync(string code, CancellationToken cancellationToken)
    {
        ExchangedCodes.Enqueue(code);
        return code switch
        {
            RefusedCode => throw new WeComApiException(40029, "invalid code"),
            StrangerCode => Task.FromResult<string?>(null),
            _ when code.StartsWith(MemberCodePrefix, StringComparison.Ordinal) => Task.FromResult<string?>(code[MemberCodePrefix.Length..]),
            _ => throw new WeComApiException(40029, "invalid code"),
        };
    }

    public Task<string> GetJsApiTicketAsync(CancellationToken cancellationToken) => Task.FromResult(CorpTicket);

    public Task<string> GetAgentJsApiTicketAsync(CancellationToken cancellationToken) => Task.FromResult(AgentTicket);

    public Task<WeComExternalContact?> GetExternalContactAsync(string externalUserId, CancellationToken cancellationToken) =>
        Task.FromResult<WeComExternalContact?>(null);
}
