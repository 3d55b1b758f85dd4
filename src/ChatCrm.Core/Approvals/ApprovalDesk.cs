using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Approvals;

/// <summary>What opening a request gave: the request, and the code to show the requester once.</summary>
public sealed record ApprovalOpened(ApprovalRequest Request, string Code);

/// <summary>
/// Opens approval requests inside the requesting use case's unit of work: the approvers (the
/// requester's team manager when active and not the requester, else every other admin), the
/// one-time code, and the audit entry. Any operation kind opens its requests here.
/// </summary>
public static class ApprovalDesk
{
    /// <summary>A request not decided within this long expires and nothing runs.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const int MaxWrongCodes = 5;

    /// <summary>The actor jobs write the approvals' own audit entries as.</summary>
    public static readonly Actor System = new(new User("approvals", "审批 Approvals", Role.Admin, null, []), "approvals", null);

    public static Result<ApprovalOpened> Open(
        ICrmSession session, Actor actor, IApprovedOperation operation, IReadOnlyDictionary<string, string> parameters, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new MissingValue("reason");
        }

        var approvers = ApproversOf(session, actor.User);
        if (approvers.Count == 0)
        {
            return new NoApprover(operation.Kind);
        }

        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var number = $"A-{day:yyyyMMdd}-{session.NextInSequence("approval:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)):0000}";
        var code = ApprovalCode.New();
        var request = new ApprovalRequest(
            number, operation.Kind, actor.Key, actor.Channel, actor.ConversationKey, parameters, operation.Describe(session, parameters),
            reason.Trim(), ApprovalCode.Hash(number, code), approvers, ApprovalState.AwaitingConfirmation, now, now + Lifetime);
        session.Approvals.Save(request);
        Audit(session, actor, AuditActions.RequestApproval, request, now);
        return Result<ApprovalOpened>.Success(new ApprovalOpened(request, code));
    }

    /// <summary>The requester's team manager if active and someone else; otherwise every active admin but the requester.</summary>
    public static IReadOnlyList<string> ApproversOf(ICrmSession session, User requester)
    {
        var team = requester.TeamKey is { } teamKey ? session.People.FindTeam(teamKey) : null;
        if (team is not null && team.ManagerKey != requester.Key && session.People.FindUser(team.ManagerKey) is { IsActive: true } manager)
        {
            return [manager.Key];
        }

        return [.. Admins.All(session).Where(admin => admin.Key != requester.Key).Select(admin => admin.Key)];
    }

    /// <summary>One audit entry per step, naming the request and its kind.</summary>
    internal static void Audit(ICrmSession session, Actor actor, string action, ApprovalRequest request, DateTimeOffset now, string? note = null) =>
        session.Audit.Append(AuditTrail.Entry(actor, action, now, null, null, null,
            note is null ? $"{request.Number} {request.Kind}" : $"{request.Number} {request.Kind} {note}"));
}
