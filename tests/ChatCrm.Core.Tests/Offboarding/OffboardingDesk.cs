using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Intake;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Offboarding;
using ChatCrm.Core.Partners;
using ChatCrm.Core.Tests.Assignment;

namespace ChatCrm.Core.Tests.Offboarding;

/// <summary><see cref="AssignmentDesk"/> with offboarding and partner keys, and a partner user "acme".</summary>
public sealed class OffboardingDesk : IDisposable
{
    public static readonly User Acme = new("acme", "Acme 服务商", Role.Salesperson, null, [], "zh", null, DefaultPositions.Partner);

    public OffboardingDesk(LeadDestination leads = LeadDestination.Manager)
    {
        Desk = new AssignmentDesk();
        Offboard = new OffboardUser(World.Store, World.Clock, World.Settings, Desk.Policy, new OffboardingSettings(leads));
        Desk.AddUsersAsync(Acme).GetAwaiter().GetResult();
    }

    public AssignmentDesk Desk { get; }

    public CrmWorld World => Desk.World;

    public OffboardUser Offboard { get; }

    public ManagePartnerKeys Keys => new(World.Store, World.Clock);

    public ManageIntakeSources Sources => new(World.Store, World.Clock);

    public Task<User> UserAsync(string key) => World.Store.ReadAsync(session => session.People.FindUser(key)!, default);

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string leadNumber) =>
        await World.Store.ReadAsync(session => session.Audit.ForLead(leadNumber, 50), default);

    public Task<IReadOnlyList<AuditEntry>> EntriesByAsync(string actorKey) =>
        World.Store.ReadAsync(session => session.Audit.RecentBy(actorKey, "c1", DateTimeOffset.MinValue, 500), default);

    public Task<IReadOnlyList<OutboxMessage>> PendingAsync(string userKey) =>
        World.Store.ReadAsync(session => session.Outbox.PendingFor(userKey, 500), default);

    public void Dispose() => Desk.Dispose();
}
