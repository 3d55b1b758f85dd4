namespace ChatCrm.Channels.Teams.Tab;

/// <summary>One lead on the "My leads" tab.</summary>
/// <param name="Stage">The stage's name in lower case ("proposal"); the page words it in the reader's language.</param>
/// <param name="NextFollowUpAt">On the organisation's clock; midnight means a date-only plan.</param>
/// <param name="LastFollowUpAt">On the organisation's clock; null when nobody has followed the lead up yet.</param>
public sealed record MyLeadRow(
    string Number,
    string Name,
    string? Company,
    string Stage,
    DateTimeOffset? NextFollowUpAt,
    DateTimeOffset? LastFollowUpAt);
