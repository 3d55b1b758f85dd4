using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// Puts the bot's bearer token on every call to the Bot Connector service. Adds nothing when no
/// app id is configured, as the Emulator and the Agents Playground expect in development.
/// </summary>
public sealed class BotAuthorizationHandler : DelegatingHandler
{
    private readonly BotTokenProvider _tokens;
    private readonly TeamsOptions _options;

    /// <summary>Creates the handler; register it transient and add it to the connector's HttpClient.</summary>
    public BotAuthorizationHandler(BotTokenProvider tokens, IOptions<TeamsOptions> options)
    {
        _tokens = tokens;
        _options = options.Value;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_options.IsAuthenticationEnabled())
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
