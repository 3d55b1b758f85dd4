using ChatCrm.Core.Store;

namespace ChatCrm.Core.Assignment;

/// <summary>What one pass of the engine looked at and did.</summary>
/// <param name="Taken">Requests and due assignments looked at: a full batch means more may wait.</param>
public sealed record AssignmentPass(int Taken, IReadOnlyList<AssignmentMove> Moves);

/// <summary>
/// The assignment engine's step: takes the leads intake queued (oldest first) and the open
/// assignments whose time came (a claim window ran out, a team's day began), and moves each on in
/// a transaction of its own: match a rule, weigh the team, offer (the lead, its audit entry, the
/// salesperson's card and the assignment record together), wait for working hours, or escalate to
/// the team's manager with why. A lead whose step throws is escalated with the error, so one bad
/// lead never holds up the others nor is retried forever.
/// </summary>
public sealed class AssignLeads(ICrmStore store, TimeProvider clock, CrmSettings settings, AssignmentPolicy policy)
{
    /// <summary>The key the engine's offers and audit entries carry as their author.</summary>
    public const string EngineKey = "assignment";

    public const int BatchSize = 20;

    public async Task<AssignmentPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (requests, due) = await store.ReadAsync(session => (session.AssignmentRequests.Oldest(BatchSize), session.LeadAssignments.Due(now, BatchSize)), cancellationToken);
        var moves = new List<AssignmentMove>(requests.Count + due.Count);
        foreach (var request in requests)
        {
            moves.Add(await StepAsync(request, request.LeadNumber, session => AssignmentFlow.Start(session, request, Context()), cancellationToken));
        }

        foreach (var assignment in due)
        {
            moves.Add(await StepAsync(null, assignment.LeadNumber, session => AssignmentFlow.Resume(session, assignment.LeadNumber, Context()), cancellationToken));
        }

        return new AssignmentPass(requests.Count + due.Count, moves);
    }

    private async Task<AssignmentMove> StepAsync(AssignmentRequest? request, string leadNumber, Func<ICrmSession, AssignmentMove> step, CancellationToken cancellationToken)
    {
        try
        {
            return await store.WriteAsync(step, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await store.WriteAsync(session => AssignmentFlow.Fail(session, request, leadNumber, exception.Message, Context()), cancellationToken);
        }
    }

    private AssignmentContext Context() => AssignmentContext.At(clock, settings, policy);
}
