namespace ChatCrm.Channels.WeCom.Sidebar;

/// <summary>
/// What the sidebar shows beside a chat: who the member is in the CRM, and the lead linked to this
/// chat. Times are on the organisation's clock; stages, channels and interest are lower-case names
/// the page words in the reader's language.
/// </summary>
/// <param name="User">The CRM user's key.</param>
/// <param name="Language">The member's language in the CRM ("zh", "en").</param>
/// <param name="Today">Today on the organisation's calendar, so the page can mark a follow-up due.</param>
/// <param name="Context">The chat, <c>contact:…</c> or <c>group:…</c>.</param>
/// <param name="Link"><c>linked</c>; <c>none</c>; or <c>hidden</c>: linked to a lead the member may no longer see.</param>
/// <param name="Lead">The linked lead when <paramref name="Link"/> is <c>linked</c>.</param>
public sealed record SidebarView(
    string User,
    string Name,
    string Language,
    DateOnly Today,
    string Context,
    string Link,
    SidebarLead? Lead)
{
    public const string Linked = "linked";
    public const string NoneLinked = "none";
    public const string Hidden = "hidden";
}

/// <summary>The lead linked to the chat.</summary>
/// <param name="Owner">The owner's display name; null while the lead is in the pool.</param>
/// <param name="CanClaim">The member may claim it (it is in their pool, or offered to them).</param>
/// <param name="CanWork">The member may log follow-ups and change the stage.</param>
/// <param name="FollowUps">The latest five, newest first.</param>
public sealed record SidebarLead(
    string Number,
    string Name,
    string? Company,
    string Stage,
    string? Owner,
    bool CanClaim,
    bool CanWork,
    DateTimeOffset? LastFollowUpAt,
    DateTimeOffset? NextFollowUpAt,
    IReadOnlyList<SidebarFollowUp> FollowUps);

/// <summary>One follow-up of the linked lead.</summary>
/// <param name="Channel">"call", "visit", "wechat", "email", "meeting", or null when not said.</param>
/// <param name="Interest">"low", "medium", "high", or null when not said.</param>
/// <param name="Author">The display name of who logged it.</param>
public sealed record SidebarFollowUp(
    DateTimeOffset At,
    string? Channel,
    string? Interest,
    string Summary,
    string Author,
    DateTimeOffset? NextAt);
