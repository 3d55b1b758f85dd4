using ChatCrm.Core.Approvals;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>
/// An admin's change to their own permissions, run once a second person approves: the same change
/// as the admin command, made as the requester, who must still be an admin at that moment.
/// </summary>
public sealed class OwnPermissionsOperation : IApprovedOperation
{
    public const string KindName = "permission.self";

    public string Kind => KindName;

    /// <param name="change">The audit action of the command: position.grant, user.change or user.grant.</param>
    public static IReadOnlyDictionary<string, string> Parameters(string change, string? first, string? second, string? third) => new Dictionary<string, string>
    {
        ["change"] = change,
        ["first"] = first ?? string.Empty,
        ["second"] = second ?? string.Empty,
        ["third"] = third ?? string.Empty,
    };

    public IReadOnlyDictionary<string, string> Describe(ICrmSession session, IReadOnlyDictionary<string, string> parameters) =>
        new Dictionary<string, string>
        {
            ["change"] = parameters["change"],
            ["what"] = string.Join(' ', new[] { parameters["first"], parameters["second"], parameters["third"] }.Where(word => word.Length > 0)),
        };

    public Result<OperationDone> Execute(ICrmSession session, ApprovalRequest request, DateTimeOffset now)
    {
        if (BulkSteps.Requester(session, request) is not { } actor || !Admins.Are(session, actor.User))
        {
            return new NotPermitted(request.Parameter("change"), null);
        }

        string? Word(string name) => request.Parameter(name) is { Length: > 0 } word ? word : null;
        var change = request.Parameter("change");
        var result = change switch
        {
            AuditActions.GrantPosition => ManageAccess.GrantPosition(session, actor, Word("first"), Word("second"), Word("third"), approved: true),
            AuditActions.ChangeUser => ManageAccess.ChangeUser(session, actor, Word("first"), request.Parameter("second"), Word("third"), approved: true),
            _ => ManageAccess.GrantUser(session, actor, Word("first"), Word("second"), Word("third"), approved: true),
        };
        if (result.Value is not { } changed)
        {
            return result.Error!;
        }

        session.Audit.Append(AuditTrail.Change(actor, change, now, changed.Subject, changed.Before, changed.After, request.Number));
        return Result<OperationDone>.Success(new OperationDone(1, new Dictionary<string, string> { ["subject"] = changed.Subject, ["after"] = changed.After }));
    }
}
