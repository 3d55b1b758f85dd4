using System.Globalization;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Rendering.Charts;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// Sends WeCom deliveries from the outbox: an app message to one member (<c>message/send</c>), or
/// new buttons on a template card sent before (<c>message/update_template_card</c>). The delivery's
/// content is the request body without its recipient and agent id, which are added here from the
/// address and <see cref="WeComOptions.AgentId"/>. One attempt per call, with the client's quick
/// retries underneath; every answer becomes a <see cref="SendOutcome"/> and the outbox decides about
/// later attempts. An error only an admin can fix also raises an alert to every admin. Logs name
/// the operation and WeCom's errcode, never the member, the content, the secret or a token.
/// </summary>
public sealed class WeComSender : IChannelSender, IDisposable
{
    /// <summary>How long a throttled (45009) message waits: WeCom blocks a per-minute excess for 60 seconds.</summary>
    public static readonly TimeSpan ThrottledWait = TimeSpan.FromMinutes(1);

    private readonly WeComApiClient _api;
    private readonly WeComOptions _options;
    private readonly RaiseIntegrationAlert _alert;
    private readonly ILogger<WeComSender> _logger;
    private readonly int _messagesPerMinute;
    private readonly WeComMemberQuota _quota;

    private readonly IChartImages? _charts;

    /// <param name="charts">Where a chart image's PNG is read for upload; null where reports are not served.</param>
    public WeComSender(WeComApiClient api, IOptions<WeComOptions> options, IOptions<WeComApiOptions> apiOptions, RaiseIntegrationAlert alert, ILogger<WeComSender> logger, IChartImages? charts = null)
    {
        _api = api;
        _charts = charts;
        _options = options.Value;
        _alert = alert;
        _logger = logger;
        _messagesPerMinute = apiOptions.Value.MessagesPerMemberPerMinute;
        _quota = new WeComMemberQuota(_messagesPerMinute);
    }

    /// <inheritdoc />
    public string Channel => WeComChannel.Name;

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!_options.Enabled || _options.AgentId is not { } agentId)
        {
            return SendOutcome.Rejected($"The WeCom channel is off ({WeComOptions.SectionName}:Enabled); replay the message once it is on.");
        }

        var (wecom, problem) = WeComDelivery.Read(delivery, agentId);
        if (wecom is null)
        {
            return SendOutcome.Rejected(problem!);
        }

        var operation = wecom.IsCardUpdate ? "message/update_template_card" : "message/send";
        // The limit counts messages a member receives; a card's buttons changing is not one.
        if (!wecom.IsCardUpdate && !_quota.TryTake(wecom.Address.ToUser, out var wait))
        {
            return SendOutcome.RetryLater($"WeCom takes at most {_messagesPerMinute} app messages a minute for one member; this one waits its turn", wait);
        }

        try
        {
            if (WeComChartImage.UrlOf(wecom.Body) is { } chartUrl)
            {
                // The picture is uploaded at send time (media ids last 3 days; a retry uploads again).
                if (_charts is null || await _charts.PngAsync(chartUrl, cancellationToken).ConfigureAwait(false) is not { } png)
                {
                    return SendOutcome.Rejected("The chart this image message shows has expired (chart links last a day); the numbers were sent as text.");
                }

                wecom = wecom with { Body = WeComChartImage.WithMedia(wecom.Body, await _api.UploadImageAsync(png, "chart.png", cancellationToken).ConfigureAwait(false)) };
            }

            var receipt = wecom.IsCardUpdate
                ? await _api.UpdateTemplateCardAsync(wecom.Body, cancellationToken).ConfigureAwait(false)
                : await _api.SendMessageAsync(wecom.Body, cancellationToken).ConfigureAwait(false);
            if (receipt.Missed(wecom.Address.ToUser))
            {
                _logger.LogWarning("WeCom took {Operation} but named its recipient as one it could not deliver to", operation);
                return SendOutcome.Rejected($"WeCom did not deliver {operation}: the recipient is not in the app's visible range or not a member (invaliduser).");
            }

            return SendOutcome.Sent;
        }
        catch (WeComApiException refused)
        {
            _logger.LogWarning("WeCom {Operation} failed with {ErrorCode}: {ErrorMessage}", operation, refused.ErrorCode, refused.ErrorMessage);
            return await OutcomeOfAsync(refused, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _quota.Dispose();

    private async Task<SendOutcome> OutcomeOfAsync(WeComApiException refused, string operation, CancellationToken cancellationToken)
    {
        var (code, message) = (refused.ErrorCode, refused.ErrorMessage);
        if (WeComErrorCodes.IsConfiguration(code))
        {
            await AlertAsync(code, message, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Rejected($"WeCom refused {operation} with {code}: {message} (an admin must fix the WeCom app's settings; admins were alerted)");
        }

        return code switch
        {
            WeComErrorCodes.ApiFrequencyLimit => SendOutcome.RetryLater($"WeCom throttled {operation} (45009): {message}", ThrottledWait),
            // Busy, unreachable, 5xx or timeouts past the quick retries; or a token refused again right after it was renewed.
            _ when WeComErrorCodes.IsBusy(code) || WeComErrorCodes.IsRefusedToken(code) => SendOutcome.RetryLater($"WeCom {operation} failed with {code}: {message}"),
            _ when WeComErrorCodes.IsUnreachableMember(code) =>
                SendOutcome.Rejected($"WeCom refused {operation} with {code}: the recipient is not in the app's visible range or not a member ({message})"),
            _ => SendOutcome.Rejected($"WeCom refused {operation} with {code}: {message}"),
        };
    }

    private async Task AlertAsync(int code, string message, CancellationToken cancellationToken)
    {
        try
        {
            await _alert.HandleAsync(Channel, code.ToString(CultureInfo.InvariantCulture), message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The delivery's outcome stands either way; the next failing message tries the alert again.
            _logger.LogError(exception, "Could not raise the admin alert for WeCom error {ErrorCode}", code);
        }
    }
}
