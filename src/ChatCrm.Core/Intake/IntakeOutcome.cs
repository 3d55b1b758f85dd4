namespace ChatCrm.Core.Intake;

/// <summary>What is counted per source and hour. Every request is Received once, then gets exactly one other outcome.</summary>
public enum IntakeOutcome
{
    /// <summary>Counted at the door, in its own write, before anything else can fail.</summary>
    Received,

    /// <summary>A new lead was stored.</summary>
    Accepted,

    /// <summary>The lead was known: a touch was recorded on it.</summary>
    Duplicate,

    /// <summary>Refused: signature, timestamp, size, body, fields, or the source is off.</summary>
    Rejected,

    /// <summary>A retry with an Idempotency-Key answered before: the stored answer was given again.</summary>
    Replayed,
}
