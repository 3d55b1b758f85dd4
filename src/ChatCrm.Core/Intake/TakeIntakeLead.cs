using ChatCrm.Core.Assignment;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>
/// Takes a lead from an intake source, in one transaction: a retry with an Idempotency-Key the
/// source used before gets the stored answer and changes nothing; fields that cannot make a lead
/// are refused, naming each; a known customer (<see cref="IntakeDedupe"/>) becomes a touch on
/// their lead (an intake record and a "lead.touch" audit entry) and the lead's owner is told;
/// anyone else becomes a lead in the source team's pool with its audit entry and a request for the
/// assignment engine. The note, campaign tags and consent go to an intake record either way, and
/// the outcome is counted in the hour the request was received.
/// </summary>
public sealed class TakeIntakeLead(ICrmStore store, TimeProvider clock, CrmSettings settings, IntakeSettings intake)
{
    /// <summary>Idempotency keys are the sender's: printable ASCII up to this length (a UUID fits four times).</summary>
    public const int MaxIdempotencyKeyLength = 200;

    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is > ' ' and < '\u007f');

    public Task<Result<IntakeTaken>> HandleAsync(
        IntakeArrival arrival, IReadOnlyList<IntakeFieldValue> fields, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && !IsValidIdempotencyKey(idempotencyKey))
        {
            throw new ArgumentException("Check the key with IsValidIdempotencyKey first: the sender is told why it is refused.", nameof(idempotencyKey));
        }

        var now = clock.GetUtcNow();
        var hour = IntakeHourCount.HourOf(arrival.ReceivedAt);
        return store.WriteAsync<Result<IntakeTaken>>(session =>
        {
            IntakeTally.CountReceived(session, arrival);

            // Read again inside the transaction: an admin may have switched it off since the door.
            var source = session.Intake.FindSource(arrival.Source.Key) ?? arrival.Source;
            if (!source.Enabled)
            {
                IntakeTally.Reject(session, arrival, "the source is off", now);
                return new IntakeSourceOff(source.Key);
            }

            if (idempotencyKey is not null && session.Intake.FindReceipt(source.Key, idempotencyKey) is { } receipt)
            {
                session.Intake.Count(source.Key, hour, IntakeOutcome.Replayed);
                return Result<IntakeTaken>.Success(new IntakeTaken(receipt.Answer, Replayed: true));
            }

            var form = IntakeForm.Read(source, fields);
            if (form.Lead is not { } request)
            {
                IntakeTally.Reject(session, arrival, "invalid fields: " + string.Join(", ", form.Errors.Keys.Order(StringComparer.Ordinal)), now);
                return new IntakeFieldsInvalid(form.Errors);
            }

            var answer = IntakeDedupe.Find(session, request, now - intake.DedupeWindow) is { } match
                ? Touch(session, source, match, request, hour, now)
                : Create(session, source, request, hour, now);
            if (idempotencyKey is not null)
            {
                session.Intake.SaveReceipt(new IntakeReceipt(source.Key, idempotencyKey, answer, now));
            }

            return Result<IntakeTaken>.Success(new IntakeTaken(answer, Replayed: false));
        }, cancellationToken);
    }

    private IntakeAnswer Create(ICrmSession session, IntakeSource source, IntakeLeadFields request, DateTimeOffset hour, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(settings.LocalNow(now).DateTime);
        var number = LeadNumber.Format(today, session.NextInSequence(LeadNumber.SequenceFor(today)));
        var actorKey = IntakeAudit.ActorKey(source.Key);
        var lead = Lead.Create(
            number, request.Name, request.Phone, request.Company, request.Industry, LeadStage.New, owner: null, source.TeamKey,
            source.Key, actorKey, now, request.Email, request.Region);
        session.Leads.Insert(lead);
        session.Audit.Append(IntakeAudit.Entry(actorKey, AuditActions.CreateLead, now, number, lead.ToSnapshot(), source.Key));
        session.AssignmentRequests.Add(new AssignmentRequest(number, source.Key, source.Tags, now));
        session.Intake.AddRecord(new IntakeRecord(Guid.CreateVersion7(now), source.Key, number, null, request.Note, request.Utm, request.Consent, now));
        session.Intake.Count(source.Key, hour, IntakeOutcome.Accepted);
        return new IntakeAnswer(number, null, null, IntakeAnswer.Pending, null);
    }

    private static IntakeAnswer Touch(ICrmSession session, IntakeSource source, IntakeMatch match, IntakeLeadFields request, DateTimeOffset hour, DateTimeOffset now)
    {
        var lead = match.Lead;
        var matchedBy = IntakeAnswer.NameOf(match.Kind);
        session.Intake.AddRecord(new IntakeRecord(Guid.CreateVersion7(now), source.Key, lead.Number, match.Kind, request.Note, request.Utm, request.Consent, now));
        session.Audit.Append(IntakeAudit.Entry(IntakeAudit.ActorKey(source.Key), AuditActions.TouchLead, now, lead.Number, null, $"{source.Key} {matchedBy}"));
        // Whoever works the lead hears of it; a pool lead's team manager, so a returning customer is never left unseen.
        var told = lead.OwnerKey ?? lead.AssigneeKey ?? (lead.TeamKey is { } team ? session.People.FindTeam(team)?.ManagerKey : null);
        if (told is not null)
        {
            Notices.LeadWasTouched(session, told, lead, source.Key, matchedBy, request.Note, now);
        }

        session.Intake.Count(source.Key, hour, IntakeOutcome.Duplicate);
        var (assignment, assignedTo) = lead switch
        {
            { OwnerKey: { } owner } => (IntakeAnswer.Owned, owner),
            { AssigneeKey: { } assignee } => (IntakeAnswer.Offered, assignee),
            _ => (IntakeAnswer.Pool, (string?)null),
        };
        return new IntakeAnswer(lead.Number, lead.Number, matchedBy, assignment, assignedTo);
    }
}
