using ChatCrm.Channels.Teams.Auth;
using ChatCrm.Core.Health;
using Microsoft.Extensions.Options;

namespace ChatCrm.Health;

/// <summary>
/// Teams works when the bot can get a token for the Bot Connector. A cached token that is still
/// valid counts (the endpoint issued it and the provider asks again before it expires); a token
/// the endpoint refuses is a failure naming its status and error, never the secret.
/// </summary>
public sealed class TeamsTokenCheck(BotTokenProvider tokens, IOptions<TeamsOptions> options) : IIntegrationCheck
{
    public string Name => "teams";

    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        // Without an app id the bot sends nothing with a token (development), so there is nothing to check.
        if (!options.Value.Enabled || !options.Value.IsAuthenticationEnabled())
        {
            return CheckResult.NotConfigured;
        }

        try
        {
            await tokens.GetTokenAsync(cancellationToken);
            return CheckResult.Ok;
        }
        catch (BotTokenException refused)
        {
            return CheckResult.Failed($"token endpoint: {refused.Message}");
        }
    }
}
