using ChatCrm.Channels.Outbound;
using ChatCrm.Core.Assignment;

namespace ChatCrm.Jobs;

/// <summary>
/// Moves every lead the assignment engine has work for, until a pass finds less than a full batch,
/// logs each move, and routes the cards it wrote at once rather than at the router's next tick.
/// Run by the <see cref="AssignmentEngine"/> when intake queues a lead, and by the scheduler's
/// "unclaimed-leads" job for claim windows that ran out and teams whose day began. Each step is a
/// transaction that checks the lead's state first, so two rounds at once do no harm.
/// </summary>
public sealed class AssignmentRounds(AssignLeads assign, NoticeRouting routing, ILogger<AssignmentRounds> logger)
{
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
