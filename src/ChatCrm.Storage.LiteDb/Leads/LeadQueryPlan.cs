using ChatCrm.Core.Store;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Leads;

/// <summary>
/// How a <see cref="LeadQuery"/> is answered. LiteDB uses one index per query and keeps no
/// statistics, so the plan picks the condition likely to be most selective, lets LiteDB walk that
/// index (<see cref="LeadIndexWalk"/>), and checks every condition on the documents before any
/// becomes a Lead. A walk in the requested order stops at the limit; an unordered one keeps only
/// the best "limit" candidates. A count has no order, so it may pick another index, and reads
/// index keys alone when the index expresses every condition.
/// </summary>
internal sealed class LeadQueryPlan
{
    // How many documents an ordered walk may read before a filter it cannot use (a team) is
    // judged too unselective and the condition's own index is walked instead.
    private const int MinimumStreamingBudget = 1000;

    private readonly LeadQuery _query;
    private readonly IReadOnlyList<LeadIndexWalk> _walks;
    private readonly bool _walksYieldQueryOrder;
    private readonly IReadOnlyList<LeadIndexWalk>? _fallback;

    private LeadQueryPlan(LeadQuery query, IReadOnlyList<LeadIndexWalk> walks, bool walksYieldQueryOrder, IReadOnlyList<LeadIndexWalk>? fallback = null)
    {
        _query = query;
        _walks = walks;
        _walksYieldQueryOrder = walksYieldQueryOrder;
        _fallback = fallback;
    }

    public static LeadQueryPlan ForList(LeadQuery query)
    {
        if (HasEmptyWindow(query))
        {
            return new LeadQueryPlan(query, [], walksYieldQueryOrder: true);
        }

        // A person's open leads, and the pool, are small: the most selective conditions there are.
        if ((PersonWalks(query) ?? PoolWalks(query)) is { } few)
        {
            return new LeadQueryPlan(query, few, walksYieldQueryOrder: false);
        }

        // A report's period: the leads created in it are a small share of every team's years of leads.
        if (query.CreatedWithin is { } created)
        {
            return new LeadQueryPlan(query, [LeadIndexWalk.CreatedWithin(created.From, created.To).Unordered()], walksYieldQueryOrder: false);
        }

        // A team holds a large share of the leads, so walking an index in the requested order and
        // filtering by team usually reaches the limit soon; when it does not, the team's own index
        // is walked instead, so the worst case is bounded by the team's size.
        var team = TeamWalks(query);
        if (TimeWalk(query) is { } time)
        {
            if (time.YieldsQueryOrder)
            {
                return new LeadQueryPlan(query, [time.Walk], walksYieldQueryOrder: true, team);
            }

            // A due-today window is narrow; "stale" can be most leads, where a team is fewer.
            var narrowest = query.NextFollowUpWithin is null && team is not null ? team : [time.Walk];
            return new LeadQueryPlan(query, [.. narrowest.Select(walk => walk.Unordered())], walksYieldQueryOrder: false);
        }

        return new LeadQueryPlan(query, LeadIndexWalk.InOrder(query.OrderBy, query.IncludeClosed), walksYieldQueryOrder: true, team);
    }

    public static LeadQueryPlan ForCount(LeadQuery query)
    {
        if (HasEmptyWindow(query))
        {
            return new LeadQueryPlan(query, [], walksYieldQueryOrder: false);
        }

        var walks = PersonWalks(query) ?? PoolWalks(query)
            ?? (query.CreatedWithin is { } created ? (IReadOnlyList<LeadIndexWalk>)[LeadIndexWalk.CreatedWithin(created.From, created.To)] : null)
            ?? TeamWalks(query) ?? (TimeWalk(query) is { } time ? [time.Walk] : null);
        walks ??= [LeadIndexWalk.Everything(query.IncludeClosed)];

        // With one condition (or none) the walked index is the whole answer, except an assignee
        // index, which does not know open from closed.
        var covered = ConditionCount(query) <= 1 && (query.AssigneeKey is null || query.IncludeClosed);
        return new LeadQueryPlan(query, [.. walks.Select(walk => covered ? walk.KeysOnly() : walk.Unordered())], walksYieldQueryOrder: false);
    }

    /// <summary>The matching lead documents, in the query's order, at most its limit.</summary>
    public IReadOnlyList<BsonDocument> List(ILiteCollection<BsonDocument> leads)
    {
        if (_query.Limit <= 0)
        {
            return [];
        }

        return _walksYieldQueryOrder ? FirstInOrder(leads) : BestByOrder(Matches(leads, _walks));
    }

    public int Count(ILiteCollection<BsonDocument> leads) =>
        _walks.All(walk => walk.KeysOnlyCount)
            ? _walks.Sum(walk => walk.ToQuery(leads).ToEnumerable().Count())
            : Matches(leads, _walks).Count();

    /// <summary>
    /// The index each LiteDB query of this plan walks, as LiteDB's own plan reports it, with
    /// " then sorted" when LiteDB sorts the results instead of reading them in index order, and
    /// " keys only" when it reads no document.
    /// </summary>
    public IReadOnlyList<string> IndexesUsed(ILiteCollection<BsonDocument> leads) =>
        [.. _walks.Select(walk => walk.ToQuery(leads).GetPlan()).Select(Describe)];

    private static string Describe(BsonDocument plan) =>
        plan["index"]["name"].AsString
        + (plan.ContainsKey("orderBy") ? " then sorted" : string.Empty)
        + (plan["lookup"]["loader"].AsString == "index" ? " keys only" : string.Empty);

    private static IReadOnlyList<LeadIndexWalk>? PersonWalks(LeadQuery query)
    {
        if (query.AssigneeKey is { } assignee)
        {
            return [LeadIndexWalk.Equal(LeadDocuments.AssigneeKey, assignee)];
        }

        return query.OwnerKey is { } owner ? LeadIndexWalk.ByState(LeadDocuments.OwnerByState, owner, query.IncludeClosed) : null;
    }

    private static IReadOnlyList<LeadIndexWalk>? PoolWalks(LeadQuery query) =>
        query.Unowned ? LeadIndexWalk.ByState(LeadDocuments.OwnerByState, null, query.IncludeClosed) : null;

    // A region's teams are disjoint, so their walks together are the region without repeats.
    private static IReadOnlyList<LeadIndexWalk>? TeamWalks(LeadQuery query) =>
        query.TeamKey is { } team ? LeadIndexWalk.ByState(LeadDocuments.TeamByState, team, query.IncludeClosed)
        : query.TeamKeys is { } teams ? [.. teams.Distinct(StringComparer.Ordinal).SelectMany(key => LeadIndexWalk.ByState(LeadDocuments.TeamByState, key, query.IncludeClosed))]
        : null;

    private static (LeadIndexWalk Walk, bool YieldsQueryOrder)? TimeWalk(LeadQuery query)
    {
        if (query.NextFollowUpWithin is { } window)
        {
            return (LeadIndexWalk.NextFollowUpWithin(window.From, window.To, query.IncludeClosed), query.OrderBy == LeadOrder.NextFollowUpSoonestFirst);
        }

        return query.LastActivityBefore is { } before
            ? (LeadIndexWalk.LastActivityBefore(before, query.IncludeClosed), query.OrderBy == LeadOrder.LastActivityOldestFirst)
            : null;
    }

    private static bool HasEmptyWindow(LeadQuery query) =>
        (query.NextFollowUpWithin is { } window && window.To.UtcTicks <= window.From.UtcTicks)
        || (query.CreatedWithin is { } created && created.To.UtcTicks <= created.From.UtcTicks);

    private static int ConditionCount(LeadQuery query) =>
        (query.OwnerKey is null ? 0 : 1) + (query.Unowned ? 1 : 0) + (query.TeamKey is null ? 0 : 1) + (query.TeamKeys is null ? 0 : 1) + (query.AssigneeKey is null ? 0 : 1)
        + (query.LastActivityBefore is null ? 0 : 1) + (query.NextFollowUpWithin is null ? 0 : 1) + (query.CreatedWithin is null ? 0 : 1);

    private List<BsonDocument> FirstInOrder(ILiteCollection<BsonDocument> leads)
    {
        var filter = new LeadDocumentFilter(_query);
        var budget = Math.Max(MinimumStreamingBudget, _query.Limit * 20);
        var found = new List<BsonDocument>();
        var read = 0;
        foreach (var walk in _walks)
        {
            foreach (var document in walk.ToQuery(leads).ToEnumerable())
            {
                if (filter.Matches(document))
                {
                    found.Add(document);
                    if (found.Count == _query.Limit)
                    {
                        return found; // leaving the loop disposes LiteDB's cursor
                    }
                }

                if (++read == budget && _fallback is not null)
                {
                    return BestByOrder(Matches(leads, _fallback));
                }
            }
        }

        return found;
    }

    // Keeps only the best "limit" documents while walking: memory stays small however many match.
    private List<BsonDocument> BestByOrder(IEnumerable<BsonDocument> candidates)
    {
        var order = LeadDocumentOrder.For(_query.OrderBy);
        var worstFirst = new PriorityQueue<BsonDocument, BsonDocument>(Comparer<BsonDocument>.Create((left, right) => order(right, left)));
        foreach (var candidate in candidates)
        {
            if (worstFirst.Count < _query.Limit)
            {
                worstFirst.Enqueue(candidate, candidate);
            }
            else if (order(candidate, worstFirst.Peek()) < 0)
            {
                worstFirst.EnqueueDequeue(candidate, candidate);
            }
        }

        var best = worstFirst.UnorderedItems.Select(item => item.Element).ToList();
        best.Sort(order);
        return best;
    }

    private IEnumerable<BsonDocument> Matches(ILiteCollection<BsonDocument> leads, IReadOnlyList<LeadIndexWalk> walks)
    {
        var filter = new LeadDocumentFilter(_query);
        foreach (var walk in walks)
        {
            foreach (var document in walk.ToQuery(leads).ToEnumerable())
            {
                if (filter.Matches(document))
                {
                    yield return document;
                }
            }
        }
    }
}
