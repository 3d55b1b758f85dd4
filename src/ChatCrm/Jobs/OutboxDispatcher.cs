using ChatCrm.Channels.Outbound;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Jobs;

/// <summary>
/// Several times a second, sends the outbox's due channel deliveries through the sender of their channel, a
/// few at a time, and records what each attempt came to; retries, backoff and dead letters are
/// the core's (<see cref="DispatchOutbox"/>). All state is in the store, so a restart or a
/// missed tick loses nothing, and one failing message or channel never stops the others.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    /// <summary>Short, so a reply or a card reaches its chat well within a second; an idle tick is one index read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public const int BatchSize = 50;

    // Sends wait on the network, not the CPU; 8 keeps a Teams outage from holding up the batch
    // for long without hammering the connector.
    public const int ConcurrentSends = 8;

    private readonly DispatchOutbox _outbox;
    private readonly IReadOnlyDictionary<string, IChannelSender> _senders;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(DispatchOutbox outbox, IEnumerable<IChannelSender> senders, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    {
        _outbox = outbox;
        _clock = clock;
        _logger = logger;
        var byChannel = new Dictionary<string, IChannelSender>(StringComparer.OrdinalIgnoreCase);
        foreach (var sender in senders)
        {
            if (!byChannel.TryAdd(sender.Channel, sender))
            {
                throw new InvalidOperationException(
                    $"Two channel senders are registered for \"{sender.Channel}\" ({byChannel[sender.Channel].GetType().Name} and {sender.GetType().Name}); register one.");
            }
        }

        _senders = byChannel;
    }

    /// <summary>Sends one batch of due deliveries and records each attempt; returns how many were handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var due = await _outbox.DueAsync(BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentSends, CancellationToken = cancellationToken },
            async (message, token) => await DeliverAsync(message, token));
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _clock);
        try
        {
            do
            {
                await DrainAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliveries claimed but not recorded are handed out again once their claim runs out.
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A full batch means more may be waiting: go on without waiting for the next tick.
            int handled;
            do
            {
                handled = await DispatchOnceAsync(stoppingToken);
            }
            while (handled == BatchSize);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            _logger.LogError(exception, "Dispatching the outbox failed; the next tick tries again");
        }
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var channel = message.Delivery?.Channel ?? "(none)";
        var result = await SendAsync(message, channel, cancellationToken);
        try
        {
            var recorded = await _outbox.RecordAsync(message.Id, result, cancellationToken);
            Log(message.Id, channel, recorded);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Still claimed, so it comes round again when the claim runs out: sent twice at worst.
            _logger.LogError(exception, "Recording the attempt on outbox message {MessageId} to {Channel} failed", message.Id, channel);
        }
    }

    private async Task<DeliveryResult> SendAsync(OutboxMessage message, string channel, CancellationToken cancellationToken)
    {
        if (message.Delivery is not { } delivery)
        {
            return DeliveryResult.Rejected("The message has no channel delivery to send.");
        }

        if (!_senders.TryGetValue(channel, out var sender))
        {
            return DeliveryResult.Rejected($"no sender for channel {channel}");
        }

        try
        {
            return ToResult(await sender.SendAsync(delivery, cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(exception, "The {Channel} sender failed on outbox message {MessageId}", channel, message.Id);
            return DeliveryResult.RetryLater(exception.Message);
        }
    }

    private static DeliveryResult ToResult(SendOutcome outcome) => outcome switch
    {
        SentOutcome => DeliveryResult.Sent,
        RetryLaterOutcome retry => DeliveryResult.RetryLater(retry.Reason, retry.After),
        RejectedOutcome rejected => DeliveryResult.Rejected(rejected.Reason),
        _ => DeliveryResult.RetryLater($"Unknown send outcome {outcome.GetType().Name}"),
    };

    // Reasons are ours or the platform's error text, never the message itself.
    private void Log(Guid id, string channel, OutboxMessage? recorded)
    {
        switch (recorded)
        {
            case null:
                _logger.LogInformation("Outbox message {MessageId} to {Channel} was no longer pending; its attempt was not recorded", id, channel);
                break;
            case { State: OutboxState.Delivered }:
                _logger.LogDebug("Delivered outbox message {MessageId} to {Channel} on attempt {Attempt}", id, channel, recorded.Attempts);
                break;
            case { State: OutboxState.DeadLettered }:
                _logger.LogError("Outbox message {MessageId} to {Channel} is dead-lettered after {Attempts} attempts: {Reason}", id, channel, recorded.Attempts, recorded.LastError);
                break;
            default:
                _logger.LogWarning("Outbox message {MessageId} to {Channel} failed attempt {Attempt}, next at {NextAttemptAt}: {Reason}",
                    id, channel, recorded.Attempts, recorded.NextAttemptAt, recorded.LastError);
                break;
        }
    }
}
