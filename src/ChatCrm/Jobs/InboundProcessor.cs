using ChatCrm.Channels.Inbound;
using ChatCrm.Core.Conversations;

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
    private readonly IReadOnlyDictionary<string, IInboundHandler> _handlers;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboundProcessor> _logger;

    public InboundProcessor(InboundQueue queue, InboundSignal signal, IEnumerable<IInboundHandler> handlers, TimeProvider clock, ILogger<InboundProcessor> logger)
    {
        _queue = queue;
        _signal = signal;
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
            await _queue.FailAsync(work.Key, $"No handler for channel {work.Channel}", cancellationToken);
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
            await _queue.FailAsync(work.Key, exception.Message, cancellationToken);
        }
    }
}
