namespace ChatCrm.Core.Intake;

/// <summary>
/// What the sender is told about an accepted request, and what an Idempotency-Key replays.
/// </summary>
/// <param name="LeadNumber">The new lead, or the existing one a duplicate was linked to.</param>
/// <param name="DuplicateOf">The existing lead when the request was a duplicate; else null.</param>
/// <param name="MatchedBy">"phone", "email" or "name_company" for a duplicate; else null.</param>
/// <param name="Assignment">"pending" (a new lead waits for the assignment engine), or for a duplicate
/// "owned", "offered" or "pool", as the existing lead stands.</param>
/// <param name="AssignedTo">The owner (or the salesperson it is offered to) of a duplicate's lead; null while pending or in the pool.</param>
public sealed record IntakeAnswer(string LeadNumber, string? DuplicateOf, string? MatchedBy, string Assignment, string? AssignedTo)
{
    public const string Pending = "pending";
    public const string Owned = "owned";
    public const string Offered = "offered";
    public const string Pool = "pool";

    public bool Duplicate => DuplicateOf is not null;

    public static string NameOf(IntakeMatchKind kind) => kind switch
    {
        IntakeMatchKind.Phone => "phone",
        IntakeMatchKind.Email => "email",
        _ => "name_company",
    };
}

/// <summary>An answer given, remembered under the sender's Idempotency-Key so a retry gets it again and changes nothing.</summary>
public sealed record IntakeReceipt(string SourceKey, string IdempotencyKey, IntakeAnswer Answer, DateTimeOffset At);

/// <summary>The outcome of taking a request: the answer, and whether it was replayed from an earlier request.</summary>
public sealed record IntakeTaken(IntakeAnswer Answer, bool Replayed);
