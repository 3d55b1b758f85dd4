using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Store;

namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>
/// The sidebar's read side: the member by their WeCom userid, as the pipeline finds them, and the
/// lead linked to the chat through the core's <see cref="ShowLead"/>.
/// </summary>
public sealed class SidebarLeads(ICrmStore store, ShowLead showLead, CrmSettings settings, TimeProvider clock)
{
    /// <summary>The view for this member and chat; null when no CRM user is linked to the userid.</summary>
    public async Task<SidebarView?> ForMemberAsync(string userId, SidebarContext context, CancellationToken cancellationToken)
    {
        var user = await store.ReadAsync(session => session.People.FindUserByIdentity(WeComChannel.Name, userId), cancellationToken);
        if (user is null)
        {
            return null;
        }

        var actor = new Actor(user, WeComChannel.Name, context.ConversationKeyOf(userId));
        var shown = await showLead.HandleAsync(actor, cancellationToken);
        var today = DateOnly.FromDateTime(settings.LocalNow(clock.GetUtcNow()).DateTime);
        var (link, lead) = shown switch
        {
            { Value: { } linked } => (SidebarView.Linked, Lead(linked)),
            { Error: NotPermitted } => (SidebarView.Hidden, null),
            _ => (SidebarView.NoneLinked, (SidebarLead?)null),
        };
        return new SidebarView(user.Key, user.DisplayName, user.Language, today, context.ConversationId, link, lead);
    }

    private SidebarLead Lead(LinkedLead linked) => new(
        linked.Lead.Number,
        linked.Lead.Name,
        linked.Lead.Company,
        Name(linked.Lead.Stage),
        linked.OwnerName,
        linked.CanClaim,
        linked.CanWork,
        OnOrganisationClock(linked.Lead.LastFollowUpAt),
        OnOrganisationClock(linked.Lead.NextFollowUpAt),
        [.. linked.RecentFollowUps.Select(entry => new SidebarFollowUp(
            OnOrganisationClock(entry.FollowUp.At)!.Value,
            entry.FollowUp.Channel is { } channel ? Name(channel) : null,
            entry.FollowUp.Interest is { } interest ? Name(interest) : null,
            entry.FollowUp.Summary,
            entry.AuthorName,
            OnOrganisationClock(entry.FollowUp.NextAt)))]);

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private DateTimeOffset? OnOrganisationClock(DateTimeOffset? moment) =>
        moment is { } value ? TimeZoneInfo.ConvertTime(value, settings.TimeZone) : null;
}
