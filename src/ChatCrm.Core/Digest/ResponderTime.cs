namespace ChatCrm.Core.Digest;

/// <summary>
/// How fast one salesperson answers the leads they take: the median, over the leads they claimed,
/// of the time from the lead being offered to them (or claimed, when nobody offered it) to their
/// first follow-up; a lead with no follow-up yet counts with the time it has waited so far.
/// </summary>
/// <param name="Leads">How many leads the median is over.</param>
public sealed record ResponderTime(string UserKey, string DisplayName, TimeSpan Median, int Leads);
