using ChatCrm.Channels.Inbound;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Jobs;

/// <summary>
/// Handles the platform messages that were answered at once and kept in the store (WeCom's
/// callbacks): as soon as one is accepted, and every few seconds for retries and for work a
/// restart left behind. A failing message is retried with backoff and then kept, failed, with its
/// reason; it never holds up the others.
/// </summary>
public sealed class InboundProcessor : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public const int BatchSize = 20;

    private readonly InboundQueue _queue;
    private readonly InboundSignal _signal;
    private readonly RaiseIntegrationAlert _alert;
    private readonly IReadOnlyDictionary<string, IInboundHandler> _handlers;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboundProcessor> _logger;

    public InboundProcessor(InboundQueue queue, InboundSignal signal, RaiseIntegrationAlert alert, IEnumerable<IInboundHandler> handlers, TimeProvider clock, ILogger<InboundProcessor> logger)
    {
        _queue = queue;
        _signal = signal;
        _alert = alert;
        _handlers = handlers.ToDictionary(handler => handler.Channel, StringComparer.OrdinalIgnoreCase);
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Handles one batch of due work; returns how many were handed out.</summary>
    public async Task<int> ProcessOnceAsync(CancellationToken cancellationToken)
    {
        var due = await _queue.DueAsync(BatchSize, cancellationToken);
        foreach (var work in due)
        {
            await HandleAsync(work, cancellationToken);
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await ProcessOnceAsync(stoppingToken) == BatchSize)
                    {
                        // A full batch: more may be waiting.
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    _logger.LogError(exception, "Handling inbound messages failed; trying again shortly");
                }

                await _signal.WaitAsync(Interval, _clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: claimed work is handed out again once its claim runs out.
        }
    }

    private async Task HandleAsync(InboundWork work, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(work.Channel, out var handler) || work.Payload is null)
        {
            await FailAsync(work, $"No handler for channel {work.Channel}", cancellationToken);
            return;
        }

        try
        {
            await handler.HandleAsync(work.Key, work.Payload, cancellationToken);
            await _queue.CompleteAsync(work.Key, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The key only: the payload holds the message and the sender's ids.
            _logger.LogWarning(exception, "Handling {Channel} message {Key} failed", work.Channel, work.Key);
            await FailAsync(work, exception.Message, cancellationToken);
        }
    }

    // Nothing fails silently: a message given up on is an admin's to look at.
    private async Task FailAsync(InboundWork work, string reason, CancellationToken cancellationToken)
    {
        if (await _queue.FailAsync(work.Key, reason, cancellationToken))
        {
            _logger.LogError("Gave up on {Channel} message {Key} after {Attempts} attempts: {Reason}", work.Channel, work.Key, InboundQueue.MaxAttempts, reason);
            await _alert.HandleAsync(work.Channel, "inbound", $"A message could not be handled after {InboundQueue.MaxAttempts} attempts: {reason}", cancellationToken);
        }
    }
}
