namespace ChatCrm.Channels.Teams.Tab;

/// <summary>The "My leads" tab's answer: the person, and their leads in the order the CRM lists them (next follow-up soonest first).</summary>
/// <param name="User">The CRM user's key.</param>
/// <param name="Language">The user's language in the CRM ("zh", "en"), for a page opened outside Teams.</param>
/// <param name="Today">Today on the organisation's calendar, so the page can mark follow-ups due or overdue.</param>
/// <param name="Total">How many leads the person has; more than <see cref="Leads"/> holds when the list is cut at a page.</param>
public sealed record MyLeadsView(
    string User,
    string Name,
    string Language,
    DateOnly Today,
    int Total,
    IReadOnlyList<MyLeadRow> Leads);
