using ChatCrm.Channels.Outbound;
using ChatCrm.Core;
using ChatCrm.Core.Assignment;
using ChatCrm.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Jobs;

/// <summary>
/// Runs the assignment engine: at start it puts the configured rules in the store, then it moves
/// leads on as soon as intake raises the <see cref="AssignmentSignal"/>, and every few seconds for
/// claim windows that ran out and teams whose day began. The cards it writes are routed at once
/// rather than at the router's next tick, so an offer reaches the salesperson's chat within about a
/// second. All state is in the store: a restart or a missed tick loses nothing.
/// </summary>
public sealed class AssignmentEngine(
    AssignLeads assign,
    ApplyAssignmentRules applyRules,
    AssignmentSignal signal,
    NoticeRouting routing,
    IOptions<AssignmentOptions> options,
    CrmSettings settings,
    TimeProvider clock,
    ILogger<AssignmentEngine> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Runs passes until one finds less than a full batch; returns every move.</summary>
    public async Task<IReadOnlyList<AssignmentMove>> RunAsync(CancellationToken cancellationToken)
    {
        var moves = new List<AssignmentMove>();
        AssignmentPass pass;
        do
        {
            pass = await assign.RunOnceAsync(cancellationToken);
            moves.AddRange(pass.Moves);
            foreach (var move in pass.Moves)
            {
                Log(move);
            }
        }
        while (pass.Taken == AssignLeads.BatchSize);

        if (moves.Any(move => move.Kind is AssignmentMoveKind.Offered or AssignmentMoveKind.Escalated))
        {
            await routing.RouteOnceAsync(cancellationToken);
        }

        return moves;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ApplyRulesAsync(stoppingToken);
            if (!options.Value.Enabled)
            {
                logger.LogWarning("Automatic assignment is off ({Setting}=false): leads from intake wait for it in the store", $"{AssignmentOptions.Section}:Enabled");
                return;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Assigning leads failed; trying again shortly");
                }

                await signal.WaitAsync(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: queued and open assignments are in the store for the next start.
        }
    }

    private async Task ApplyRulesAsync(CancellationToken stoppingToken)
    {
        var rulebook = options.Value.ToRulebook(settings.TimeZone.Id);
        try
        {
            if (await applyRules.HandleAsync(rulebook, stoppingToken))
            {
                logger.LogInformation("Applied {Count} configured assignment rules ({Origin})", rulebook.Rules.Count, rulebook.Origin);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The engine goes on with the rulebook the store holds; the next start tries again.
            logger.LogError(exception, "Putting the configured assignment rules in the store failed");
        }
    }

    private void Log(AssignmentMove move)
    {
        switch (move.Kind)
        {
            case AssignmentMoveKind.Offered:
                logger.LogInformation("Lead {LeadNumber} offered to {UserKey}", move.LeadNumber, move.UserKey);
                break;
            case AssignmentMoveKind.Waiting:
                logger.LogInformation("Lead {LeadNumber} waits for its team's working hours", move.LeadNumber);
                break;
            case AssignmentMoveKind.Escalated when move.Reason == EscalationReason.EngineError:
                logger.LogError("Assigning lead {LeadNumber} failed and was escalated: {Error}", move.LeadNumber, move.Error);
                break;
            case AssignmentMoveKind.Escalated:
                logger.LogWarning("Lead {LeadNumber} escalated: {Reason}", move.LeadNumber, move.Reason);
                break;
            case AssignmentMoveKind.Claimed or AssignmentMoveKind.LeftToHand:
                logger.LogInformation("Lead {LeadNumber} is with {UserKey}; assignment settled", move.LeadNumber, move.UserKey);
                break;
        }
    }
}
