using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Intake;

/// <summary>How an intake request was recognised as a lead already stored.</summary>
public enum IntakeMatchKind
{
    Phone,
    Email,
    NameAndCompany,
}

/// <summary>The stored lead an intake request duplicates, and what gave it away.</summary>
public sealed record IntakeMatch(Lead Lead, IntakeMatchKind Kind);
