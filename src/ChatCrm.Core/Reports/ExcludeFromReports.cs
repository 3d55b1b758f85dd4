using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Reports;

/// <summary>
/// An admin marks a lead as test, demo or internal data, which every report then leaves out (and
/// says it left out), or marks it real again. Audited like any change to a lead, with Undo.
/// </summary>
public sealed class ExcludeFromReports(ICrmStore store, TimeProvider clock)
{
    /// <summary>The kinds a lead can be left out as.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["test", "demo", "internal"];

    /// <param name="kind">"test", "demo" or "internal"; null to count the lead again.</param>
    public Task<Result<LeadChange>> HandleAsync(Actor actor, string? mention, string? kind, CancellationToken cancellationToken)
    {
        if (kind is not null && !Kinds.Contains(kind))
        {
            return Task.FromResult<Result<LeadChange>>(new InvalidValue("exclusion", kind));
        }

        var now = clock.GetUtcNow();
        return LeadEdit.RunAsync(store, actor, mention, AuditActions.ExcludeFromReports, (rights, lead) => rights.IsAdmin && rights.CanSee(lead), now,
            (_, lead) => lead.ExcludeFromReports(kind, now), cancellationToken);
    }
}
