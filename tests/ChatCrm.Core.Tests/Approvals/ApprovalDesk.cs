using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.RecycleBin;

namespace ChatCrm.Core.Tests.Approvals;

/// <summary>The high-risk use cases wired as the host wires them, on a <see cref="CrmWorld"/>.</summary>
internal sealed class ApprovalDesk(CrmWorld world)
{
    public static readonly User Intern = new("ivy", "Ivy", Role.Salesperson, "east", [], PositionKey: DefaultPositions.Intern);

    public FixedExportLinks Links { get; } = new();

    public DeleteLeadsOperation Deletes { get; } = new();

    public DeleteLead Delete => new(world.Store, world.Clock, Deletes);

    public ConfirmApproval Confirm => new(world.Store, world.Clock);

    public DecideApproval Decide => new(world.Store, world.Clock, Operations());

    public ExpireApprovals Expire => new(world.Store, world.Clock);

    public BulkChange Bulk => new(world.Store, world.Clock, new BulkTransferOperation(), new BulkReturnOperation(), Deletes);

    public RestoreLeads Restore => new(world.Store, world.Clock);

    public PurgeRecycleBin PurgeJob => new(world.Store, world.Clock);

    public SetDealAmount Amount => new(world.Store, world.Clock, new ChangeAmount(world.Store, world.Clock), new SignedAmountOperation());

    public RequestExport Export => new(world.Store, world.Clock, Links, new PhoneExportOperation(Links));

    public TakeExport Take => new(world.Store, world.Clock);

    public IApprovedOperation[] Operations() =>
        [Deletes, new PurgeLeadsOperation(), new BulkTransferOperation(), new BulkReturnOperation(), new SignedAmountOperation(), new PhoneExportOperation(Links)];

    /// <summary>Asks for a delete and confirms it with the card's code: the request is with the approver.</summary>
    public async Task<ApprovalRequest> ConfirmedDeleteAsync(User requester, string number)
    {
        var opened = (await Delete.HandleAsync(CrmWorld.As(requester), number, "客户要求删除", default)).Value!;
        return (await Confirm.HandleAsync(CrmWorld.As(requester), opened.Code, default)).Value!;
    }

    public Task<IReadOnlyList<OutboxMessage>> NoticesForAsync(string userKey) =>
        world.Store.ReadAsync(session => session.Outbox.PendingFor(userKey, 50), default);

    public Task SaveAsync(User user) => world.Store.WriteAsync(session =>
    {
        session.People.Save(user);
        return true;
    }, default);
}

/// <summary>Export links at a fixed address, remembering the last token handed out.</summary>
internal sealed class FixedExportLinks : IExportLinks
{
    public string? LastToken { get; private set; }

    public string For(Guid exportId, string token)
    {
        LastToken = token;
        return $"https://crm.test/exports/{exportId:N}?token={token}";
    }
}
