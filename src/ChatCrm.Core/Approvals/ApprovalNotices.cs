using System.Globalization;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary>
/// The approval notices, through the outbox: the card to each approver (with Approve / Reject),
/// and the outcome to the requester. The request's summary travels as "s."-prefixed arguments and
/// the run's outcome as "o."-prefixed ones, so each channel words them in the reader's language.
/// </summary>
public static class ApprovalNotices
{
    public const string SummaryPrefix = "s.";
    public const string OutcomePrefix = "o.";

    public static void AskApprovers(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        foreach (var approver in request.ApproverKeys)
        {
            Send(session, approver, Notices.ApprovalAsked, request, now);
        }
    }

    public static void TellRequester(ICrmSession session, ApprovalRequest request, DateTimeOffset now) =>
        Send(session, request.RequesterKey, Notices.ApprovalFinished, request, now);

    private static void Send(ICrmSession session, string recipientKey, string kind, ApprovalRequest request, DateTimeOffset now)
    {
        var args = new Dictionary<string, string>
        {
            ["number"] = request.Number,
            ["kind"] = request.Kind,
            ["requester"] = request.RequesterKey,
            ["reason"] = request.Reason,
            ["state"] = request.State.ToString(),
            ["decider"] = request.DeciderKey ?? string.Empty,
            ["decision_reason"] = request.DecisionReason ?? string.Empty,
            ["expires"] = request.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in request.Summary)
        {
            args[SummaryPrefix + key] = value;
        }

        foreach (var (key, value) in request.Outcome ?? new Dictionary<string, string>())
        {
            args[OutcomePrefix + key] = value;
        }

        session.Outbox.Enqueue(OutboxMessage.New(Guid.CreateVersion7(now), recipientKey, new Notice(kind, args), now));
    }
}
