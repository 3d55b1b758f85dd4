using ChatCrm.Core;
using ChatCrm.Core.Assignment;
using ChatCrm.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Jobs;

/// <summary>
/// Runs the assignment engine for new leads: at start it puts the configured rules in the store and
/// moves on whatever a restart left queued, then it offers leads as soon as intake raises the
/// <see cref="AssignmentSignal"/>, so an offer reaches the salesperson's chat within about a second.
/// It keeps no timer: claim windows that run out and teams whose day begins are the scheduler's
/// "unclaimed-leads" job (<see cref="UnclaimedLeads"/>), which also picks up a lead whose signal was lost.
/// </summary>
public sealed class AssignmentEngine(
    AssignmentRounds rounds,
    ApplyAssignmentRules applyRules,
    AssignmentSignal signal,
    IOptions<AssignmentOptions> options,
    CrmSettings settings,
    TimeProvider clock,
    ILogger<AssignmentEngine> logger) : BackgroundService
{
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
                    await rounds.RunAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(exception, "Assigning leads failed; the next signal or the unclaimed-leads job tries again");
                }

                await signal.WaitAsync(Timeout.InfiniteTimeSpan, clock, stoppingToken);
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
}
