namespace ChatCrm.Core.FollowUps;

/// <summary>One contact with a customer, as the salesperson told it in a sentence.</summary>
public sealed record FollowUp(
    Guid Id,
    string LeadNumber,
    string AuthorKey,
    ContactChannel? Channel,
    Interest? Interest,
    string Summary,
    DateTimeOffset At,
    DateTimeOffset? NextAt,
    string? ConversationKey);
