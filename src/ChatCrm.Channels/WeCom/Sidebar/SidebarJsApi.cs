using System.Globalization;
using System.Security.Cryptography;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Channels.WeCom.Crypto;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>One signature <c>ww.register</c> asks for: what its <c>getConfigSignature</c> or <c>getAgentConfigSignature</c> returns.</summary>
/// <param name="Timestamp">Unix seconds, as signed.</param>
public sealed record JsApiSignature(long Timestamp, string NonceStr, string Signature);

/// <summary>What the sidebar page needs to register with the WeCom JS-SDK for one page address.</summary>
/// <param name="Config">The corp signature (corp jsapi_ticket): WeCom checks the page is the company's.</param>
/// <param name="AgentConfig">The app signature (app jsapi_ticket): the customer-contact calls need the app's identity.</param>
public sealed record SidebarJsApiConfig(string CorpId, string AgentId, JsApiSignature Config, JsApiSignature AgentConfig);

/// <summary>Signs the sidebar page's address for <c>ww.register</c> with the tickets from <see cref="IWeComApi"/>.</summary>
public sealed class SidebarJsApi(IWeComApi api, IOptions<WeComOptions> options, TimeProvider clock)
{
    private const string NonceCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <param name="pageUrl">The page's address as the JS-SDK passes it; anything after '#' is not signed.</param>
    public async Task<SidebarJsApiConfig> ForPageAsync(string pageUrl, CancellationToken cancellationToken)
    {
        var corpTicket = await api.GetJsApiTicketAsync(cancellationToken);
        var agentTicket = await api.GetAgentJsApiTicketAsync(cancellationToken);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var weCom = options.Value;
        return new SidebarJsApiConfig(
            weCom.CorpId ?? string.Empty,
            weCom.AgentId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Sign(corpTicket, timestamp, pageUrl),
            Sign(agentTicket, timestamp, pageUrl));
    }

    private static JsApiSignature Sign(string ticket, long timestamp, string pageUrl)
    {
        var nonce = RandomNumberGenerator.GetString(NonceCharacters, 16);
        return new JsApiSignature(timestamp, nonce, WeComJsApiSignature.Compute(ticket, nonce, timestamp.ToString(CultureInfo.InvariantCulture), pageUrl));
    }
}
