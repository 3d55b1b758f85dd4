using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>Which list a person asked for.</summary>
public enum LeadList
{
    Mine,
    Stale,
    Unclaimed,
    DueToday,
}

/// <summary>A page of leads and how many there are in all.</summary>
public sealed record LeadPage(LeadList List, IReadOnlyList<LeadSummary> Leads, int Total);

/// <summary>
/// The lists a salesperson asks for in chat. Salespeople see their own leads and their team's
/// pool; managers their team; admins everyone.
/// </summary>
public sealed class ListLeads(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public const int PageSize = 10;

    public Task<LeadPage> HandleAsync(Actor actor, LeadList list, CancellationToken cancellationToken)
    {
        var query = QueryFor(actor.User, list, clock.GetUtcNow());
        return store.ReadAsync(session =>
        {
            var leads = session.Leads.List(query);
            var total = leads.Count < query.Limit ? leads.Count : session.Leads.Count(query);
            return new LeadPage(list, [.. leads.Select(lead => lead.ToSummary())], total);
        }, cancellationToken);
    }

    private LeadQuery QueryFor(User user, LeadList list, DateTimeOffset now)
    {
        var scope = Scope(user, list);
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        return list switch
        {
            LeadList.Stale => scope with { LastActivityBefore = now - settings.StaleAfter },
            LeadList.Unclaimed => new LeadQuery
            {
                Unowned = true,
                TeamKey = user.Role == Role.Admin ? null : user.TeamKey,
                OrderBy = LeadOrder.NewestFirst,
                Limit = PageSize,
            },
            LeadList.DueToday => scope with
            {
                NextFollowUpWithin = (settings.StartOf(today), settings.StartOf(today.AddDays(1))),
                OrderBy = LeadOrder.NextFollowUpSoonestFirst,
            },
            _ => scope with { OrderBy = LeadOrder.NextFollowUpSoonestFirst },
        };
    }

    private static LeadQuery Scope(User user, LeadList list) => user.Role switch
    {
        // "My leads" is a person's own; the other lists cover what a manager or admin oversees.
        _ when list == LeadList.Mine => new LeadQuery { OwnerKey = user.Key, Limit = PageSize },
        Role.Admin => new LeadQuery { Limit = PageSize },
        Role.Manager => new LeadQuery { TeamKey = user.TeamKey, Limit = PageSize },
        _ => new LeadQuery { OwnerKey = user.Key, Limit = PageSize },
    };
}
