using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>
/// Finds the stored lead an intake request is about, if it is one already: the same phone
/// (E.164), else the same email, else the same name at the same company (see
/// <see cref="IntakeNames"/>), among leads changed within the dedupe window; the most recently
/// changed wins. A lead left untouched longer than the window is an old story: the request
/// becomes a new lead.
/// </summary>
public static class IntakeDedupe
{
    // Candidates per lookup; a name shared by more leads than this may be missed, a phone or email never is in practice.
    private const int Candidates = 200;

    public static IntakeMatch? Find(ICrmSession session, IntakeLeadFields request, DateTimeOffset changedSince)
    {
        if (request.Phone is { } phone && Latest(session.Leads.FindAllByPhone(phone, Candidates), changedSince) is { } byPhone)
        {
            return new IntakeMatch(byPhone, IntakeMatchKind.Phone);
        }

        if (request.Email is { } email && Latest(session.Leads.FindAllByEmail(email, Candidates), changedSince) is { } byEmail)
        {
            return new IntakeMatch(byEmail, IntakeMatchKind.Email);
        }

        var company = IntakeNames.CompanyKey(request.Company);
        if (company.Length == 0)
        {
            return null;
        }

        var name = IntakeNames.NameKey(request.Name);
        var sameNameAndCompany = CandidatesFor(session, request)
            .Where(lead => IntakeNames.NameKey(lead.Name) == name && IntakeNames.CompanyKey(lead.Company) == company);
        return Latest(sameNameAndCompany, changedSince) is { } byName ? new IntakeMatch(byName, IntakeMatchKind.NameAndCompany) : null;
    }

    // The store indexes leads by name and company words (LeadSearchKeys); the exact comparison is ours.
    private static IEnumerable<Lead> CandidatesFor(ICrmSession session, IntakeLeadFields request)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            LeadSearchKeys.ForMention(request.Name),
            LeadSearchKeys.ForMention(IntakeNames.NameKey(request.Name)),
            LeadSearchKeys.ForCompanyMention(request.Company!),
        };
        return keys.Where(key => key.Length > 0)
            .SelectMany(key => session.Leads.FindByKey(key, Candidates))
            .DistinctBy(lead => lead.Number);
    }

    private static Lead? Latest(IEnumerable<Lead> leads, DateTimeOffset changedSince) =>
        leads.Where(lead => lead.UpdatedAt >= changedSince).MaxBy(lead => lead.UpdatedAt);
}
