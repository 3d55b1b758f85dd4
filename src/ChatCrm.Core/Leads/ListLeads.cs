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
/// The lists a person asks for in chat, each cut to what their position lets them see: "mine" is
/// their own; stale and due-today cover their view scope (own, team, region or all); unclaimed is
/// the pool within the wider of their view and claim scopes.
/// </summary>
public sealed class ListLeads(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public const int PageSize = 10;

    public Task<LeadPage> HandleAsync(Actor actor, LeadList list, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.ReadAsync(session =>
        {
            if (QueryFor(LeadAccess.Of(session, actor.User), list, now) is not { } query)
            {
                return new LeadPage(list, [], 0);
            }

            var leads = session.Leads.List(query);
            var total = leads.Count < query.Limit ? leads.Count : session.Leads.Count(query);
            return new LeadPage(list, [.. leads.Select(lead => lead.ToSummary())], total);
        }, cancellationToken);
    }

    private LeadQuery? QueryFor(AccessRights rights, LeadList list, DateTimeOffset now)
    {
        if (list == LeadList.Mine)
        {
            return new LeadQuery { OwnerKey = rights.User.Key, Limit = PageSize, OrderBy = LeadOrder.NextFollowUpSoonestFirst };
        }

        if (list == LeadList.Unclaimed)
        {
            var widest = rights.ScopeOf(Permission.View) >= rights.ScopeOf(Permission.Claim) ? Permission.View : Permission.Claim;
            return rights.ScopeOf(widest) == AccessScope.Own
                ? new LeadQuery { AssigneeKey = rights.User.Key, Unowned = true, OrderBy = LeadOrder.NewestFirst, Limit = PageSize }
                : rights.Query(widest, PageSize) is { } pool ? pool with { Unowned = true, OrderBy = LeadOrder.NewestFirst } : null;
        }

        if (rights.Query(Permission.View, PageSize) is not { } scope)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        return list switch
        {
            LeadList.Stale => scope with { LastActivityBefore = now - settings.StaleAfter },
            LeadList.DueToday => scope with
            {
                NextFollowUpWithin = (settings.StartOf(today), settings.StartOf(today.AddDays(1))),
                OrderBy = LeadOrder.NextFollowUpSoonestFirst,
            },
            _ => scope with { OrderBy = LeadOrder.NextFollowUpSoonestFirst },
        };
    }
}
