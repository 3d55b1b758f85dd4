using ChatCrm.Core.Assignment;
using ChatCrm.Core.Scheduling;
using ChatCrm.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Jobs;

/// <summary>
/// The scheduler's "unclaimed-leads" job, every minute: re-offers leads whose claim window ran out,
/// escalates the ones no one can take, and opens the queues of teams whose working day began. New
/// leads from intake do not wait for it: the <see cref="AssignmentEngine"/> offers them when
/// signalled, and this run picks up any a lost signal or a restart left behind.
/// </summary>
public sealed class UnclaimedLeads(AssignmentRounds rounds, IOptions<AssignmentOptions> options) : IScheduledJob
{
    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new JobOutcome($"automatic assignment is off ({AssignmentOptions.Section}:Enabled=false)", 0);
        }

        var moves = (await rounds.RunAsync(cancellationToken)).Where(move => move.Kind != AssignmentMoveKind.None).ToList();
        if (moves.Count == 0)
        {
            return JobOutcome.Nothing;
        }

        var byKind = moves.GroupBy(move => move.Kind).Select(kind => $"{kind.Count()} {kind.Key.ToString().ToLowerInvariant()}");
        return new JobOutcome($"moved {moves.Count} leads on: {string.Join(", ", byKind)}", moves.Count);
    }
}
