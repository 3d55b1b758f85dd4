namespace ChatCrm.Core.Assignment;

/// <summary>One offer of a lead to a salesperson, and what came of it.</summary>
/// <param name="ClaimBy">When the claim window ends (working time counted only).</param>
public sealed record AssignmentOffer(string UserKey, DateTimeOffset OfferedAt, DateTimeOffset ClaimBy, OfferResult Result = OfferResult.Pending, DateTimeOffset? EndedAt = null);
