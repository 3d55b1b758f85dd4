using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>Moves a lead along the funnel, or closes it as won or lost.</summary>
public sealed class ChangeStage(ICrmStore store, TimeProvider clock)
{
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, LeadStage? stage, CancellationToken cancellationToken)
    {
        if (stage is not { } target)
        {
            return Task.FromResult<Result<LeadChange>>(new MissingValue("stage"));
        }

        var now = clock.GetUtcNow();
        return LeadEdit.RunAsync(store, actor, mention, AuditActions.ChangeStage, (rights, lead) => rights.CanWork(lead), now,
            (_, lead) => lead.MoveTo(target, now), cancellationToken);
    }
}
