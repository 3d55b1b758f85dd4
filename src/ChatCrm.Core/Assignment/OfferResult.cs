namespace ChatCrm.Core.Assignment;

/// <summary>What became of one offer.</summary>
public enum OfferResult
{
    Pending,
    Claimed,
    Declined,

    /// <summary>The claim window ran out.</summary>
    Expired,

    /// <summary>The lead was taken out of the engine's hands (a manager offered it to someone by hand).</summary>
    Withdrawn,
}
