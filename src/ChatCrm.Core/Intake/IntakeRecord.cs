namespace ChatCrm.Core.Intake;

/// <summary>
/// One accepted request (a new lead or a touch on a known one), with what the lead itself does
/// not keep: the sender's note, the campaign tags and the consent, so marketing can trace the
/// lead and nobody calls a person who did not agree to it.
/// </summary>
/// <param name="MatchedBy">How the request was recognised as the known <paramref name="LeadNumber"/>; null for a new lead.</param>
public sealed record IntakeRecord(
    Guid Id,
    string SourceKey,
    string LeadNumber,
    IntakeMatchKind? MatchedBy,
    string? Note,
    IntakeUtm Utm,
    bool? Consent,
    DateTimeOffset At);
