using ChatCrm.Core.Access;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Leads;

/// <summary>
/// Turns what a person said about a lead ("王总", "Acme", "L-20261118-0007", or nothing) into one
/// lead they may see, or says why it cannot: not found, not linked, or which ones it could be.
/// </summary>
public static class LeadResolver
{
    private const int MaxCandidates = 6;

    public static Result<Lead> Resolve(ICrmSession session, Actor actor, string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention))
        {
            return FromLink(session, actor);
        }

        mention = mention.Trim();
        if (LeadNumber.IsLeadNumber(mention))
        {
            var byNumber = session.Leads.Find(mention.ToUpperInvariant());
            return byNumber is not null && LeadAccess.Of(session, actor.User).CanSee(byNumber)
                ? Result<Lead>.Success(byNumber)
                : new LeadNotFound(mention);
        }

        var rights = LeadAccess.Of(session, actor.User);
        var candidates = Candidates(session, mention)
            .Where(rights.CanSee)
            .ToList();
        if (candidates.Count == 0)
        {
            return new LeadNotFound(mention);
        }

        if (candidates.Count == 1)
        {
            return Result<Lead>.Success(candidates[0]);
        }

        // Several match: the linked lead wins, then the only open one, then the only one I own.
        var linked = actor.ConversationKey is null ? null : session.Conversations.FindLink(actor.ConversationKey);
        var preferred = candidates.FirstOrDefault(lead => lead.Number == linked?.LeadNumber)
            ?? Single(candidates.Where(lead => !lead.IsClosed))
            ?? Single(candidates.Where(lead => lead.OwnerKey == actor.Key));
        return preferred is not null
            ? Result<Lead>.Success(preferred)
            : new AmbiguousLead(mention, [.. candidates.Take(MaxCandidates).Select(lead => lead.ToSummary())]);
    }

    private static Result<Lead> FromLink(ICrmSession session, Actor actor)
    {
        var link = actor.ConversationKey is null ? null : session.Conversations.FindLink(actor.ConversationKey);
        var lead = link is null ? null : session.Leads.Find(link.LeadNumber);
        return lead is not null ? Result<Lead>.Success(lead) : new NoLeadInContext();
    }

    private static List<Lead> Candidates(ICrmSession session, string mention)
    {
        var exact = session.Leads.FindByKey(LeadSearchKeys.ForMention(mention), MaxCandidates * 4);
        if (exact.Count > 0)
        {
            return [.. exact];
        }

        var company = session.Leads.FindByKey(LeadSearchKeys.ForCompanyMention(mention), MaxCandidates * 4);
        if (company.Count > 0)
        {
            return [.. company];
        }

        // "华为 李经理" or "Acme John": leads every word of the mention finds.
        var words = mention.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            return [];
        }

        List<Lead>? common = null;
        foreach (var word in words)
        {
            var found = session.Leads.FindByKey(LeadSearchKeys.ForMention(word), MaxCandidates * 4);
            common = common is null ? [.. found] : [.. common.Where(lead => found.Any(other => other.Number == lead.Number))];
        }

        return common ?? [];
    }

    private static Lead? Single(IEnumerable<Lead> leads)
    {
        Lead? only = null;
        foreach (var lead in leads)
        {
            if (only is not null)
            {
                return null;
            }

            only = lead;
        }

        return only;
    }
}
