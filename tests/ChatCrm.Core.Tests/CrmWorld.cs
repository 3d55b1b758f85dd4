using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests;

/// <summary>
/// A small organisation on a real LiteDB file in a temp folder, with a fake clock at Wednesday
/// 2026-11-18 10:00 Shanghai: team east (manager wang, salespeople alice and bob), and an admin.
/// </summary>
public sealed class CrmWorld : IDisposable
{
    public static readonly User Wang = new("wang", "王经理", Role.Manager, "east", ["王经理"]);
    public static readonly User Alice = new("alice", "Alice", Role.Salesperson, "east", ["爱丽丝"]);
    public static readonly User Bob = new("bob", "Bob", Role.Salesperson, "east", ["鲍勃"]);
    public static readonly User Carol = new("carol", "Carol", Role.Salesperson, "south", []);
    public static readonly User Admin = new("admin", "Admin", Role.Admin, null, []);

    private readonly string _folder = Directory.CreateTempSubdirectory("chatcrm-core-").FullName;
    private readonly LiteDbCrmStore _store;

    /// <param name="clock">A clock of the test's own (one that runs slow, say); by default a fake at the moment above.</param>
    public CrmWorld(FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(Start);
        _store = new LiteDbCrmStore(new LiteDbStoreOptions { DatabasePath = Path.Combine(_folder, "crm.db") }, new PlainPersonalData());
        Store.WriteAsync(session =>
        {
            session.People.Save(new Team("east", "华东", "wang"));
            session.People.Save(new Team("south", "华南", "chen"));
            foreach (var user in new[] { Wang, Alice, Bob, Carol, Admin })
            {
                session.People.Save(user);
            }

            return true;
        }, default).GetAwaiter().GetResult();
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; }

    public CrmSettings Settings { get; } = CrmSettings.Default;

    public ICrmStore Store => _store;

    public static Actor As(User user, string conversation = "c1", string? inbound = null) => new(user, "test", conversation, inbound);

    /// <summary>Creates a lead through the use case, as a person would in chat.</summary>
    public async Task<LeadSnapshot> NewLeadAsync(User creator, string name, string? company = null, string? phone = null)
    {
        var result = await new CreateLead(Store, Clock, Settings).HandleAsync(As(creator, inbound: null), new NewLead(name, phone, company, null, null), default);
        return result.Value?.After ?? throw new InvalidOperationException(result.Error?.Code);
    }

    /// <summary>Puts a lead straight into the team's pool (as intake will), for claim tests.</summary>
    public Task<string> PoolLeadAsync(string name, string team, User? offeredTo = null) =>
        Store.WriteAsync(session =>
        {
            var day = new DateOnly(2026, 11, 18);
            var number = LeadNumber.Format(day, session.NextInSequence(LeadNumber.SequenceFor(day)));
            var lead = Lead.Create(number, name, null, null, null, LeadStage.New, null, team, "test", "admin", Clock.GetUtcNow());
            if (offeredTo is not null)
            {
                lead.OfferTo(offeredTo, Clock.GetUtcNow());
            }

            session.Leads.Insert(lead);
            return number;
        }, default);

    public Task<Lead?> LeadAsync(string number) => Store.ReadAsync(session => session.Leads.Find(number), default);

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
