using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Channels.Teams.Tab;

/// <summary>
/// What the "My leads" personal tab shows: who the person is in the CRM, then their own leads
/// through the core's <see cref="ListLeads"/>, as the chat's "my leads" answers them. Times are on
/// the organisation's clock, as in chat replies.
/// </summary>
public sealed class MyLeadsTab(ICrmStore store, ListLeads listLeads, CrmSettings settings, TimeProvider clock)
{
    /// <summary>The leads of the Teams user with this Entra object id; null when no CRM user is linked to it.</summary>
    public Task<MyLeadsView?> ForTeamsUserAsync(string objectId, CancellationToken cancellationToken) =>
        ListAsync(session => session.People.FindUserByIdentity(TeamsTurns.Channel, objectId), cancellationToken);

    /// <summary>The leads of the CRM user with this key (development, where Teams sign-in is off); null when there is none.</summary>
    public Task<MyLeadsView?> ForCrmUserAsync(string userKey, CancellationToken cancellationToken) =>
        ListAsync(session => session.People.FindUser(userKey), cancellationToken);

    private async Task<MyLeadsView?> ListAsync(Func<ICrmSession, User?> findUser, CancellationToken cancellationToken)
    {
        var user = await store.ReadAsync(findUser, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var actor = new Actor(user, TeamsTurns.Channel, ConversationKey: null);
        var page = await listLeads.HandleAsync(actor, LeadList.Mine, cancellationToken);
        var today = DateOnly.FromDateTime(settings.LocalNow(clock.GetUtcNow()).DateTime);
        return new MyLeadsView(
            user.Key,
            user.DisplayName,
            user.Language,
            today,
            page.Total,
            [.. page.Leads.Select(Row)]);
    }

    private MyLeadRow Row(LeadSummary lead) => new(
        lead.Number,
        lead.Name,
        lead.Company,
        lead.Stage.ToString().ToLowerInvariant(),
        OnOrganisationClock(lead.NextFollowUpAt),
        OnOrganisationClock(lead.LastFollowUpAt));

    private DateTimeOffset? OnOrganisationClock(DateTimeOffset? moment) =>
        moment is { } value ? TimeZoneInfo.ConvertTime(value, settings.TimeZone) : null;
}
