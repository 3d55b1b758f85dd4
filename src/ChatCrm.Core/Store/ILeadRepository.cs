using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;

namespace ChatCrm.Core.Store;

public interface ILeadRepository
{
    Lead? Find(string number);

    /// <summary>Leads with this search key (see <see cref="LeadSearchKeys"/>), at most <paramref name="limit"/>.</summary>
    IReadOnlyList<Lead> FindByKey(string searchKey, int limit);

    Lead? FindByPhone(Phone phone);

    Lead? FindByEmail(Email email);

    /// <summary>Every lead with this phone, most recently changed first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<Lead> FindAllByPhone(Phone phone, int limit);

    /// <summary>Every lead with this email, most recently changed first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<Lead> FindAllByEmail(Email email, int limit);

    IReadOnlyList<Lead> List(LeadQuery query);

    /// <summary>How many leads match, ignoring the query's limit and order.</summary>
    int Count(LeadQuery query);

    void Insert(Lead lead);

    /// <summary>Replaces the stored lead with this number.</summary>
    void Update(Lead lead);

    void Delete(string number);

    /// <summary>Every stored lead, one at a time (a recount's pass over the whole store).</summary>
    void VisitAll(Action<Lead> visit);
}

public interface IFollowUpRepository
{
    FollowUp? Find(Guid id);

    /// <summary>Newest first.</summary>
    IReadOnlyList<FollowUp> ListForLead(string leadNumber, int limit);

    void Insert(FollowUp followUp);

    /// <summary>Follow-ups made in [from, to) by any of <paramref name="authorKeys"/>: one walk of the time index.</summary>
    IReadOnlyList<FollowUp> MadeBetween(DateTimeOffset from, DateTimeOffset to, IReadOnlySet<string> authorKeys);

    void Delete(Guid id);
}
