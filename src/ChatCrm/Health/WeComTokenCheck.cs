using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatCrm.Health;

/// <summary>WeCom works when gettoken gives the app an access token (a cached, valid one counts); a refusal names WeCom's errcode.</summary>
public sealed class WeComTokenCheck(WeComAccessTokens tokens, IOptions<WeComOptions> options) : IIntegrationCheck
{
    public string Name => "wecom";

    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return CheckResult.NotConfigured;
        }

        try
        {
            await tokens.GetTokenAsync(cancellationToken);
            return CheckResult.Ok;
        }
        catch (WeComApiException refused)
        {
            return CheckResult.Failed($"gettoken: errcode {refused.ErrorCode} {refused.ErrorMessage}");
        }
    }
}
