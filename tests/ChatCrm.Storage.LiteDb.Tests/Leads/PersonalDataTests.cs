using ChatCrm.Core.Audit;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Tests.Leads;

public sealed class PersonalDataTests : IDisposable
{
    private const string PlainNumber = "13800138000";

    private readonly StoreFolder _folder = new();
    private readonly ScramblingProtector _protector = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Phone_is_found_through_the_protectors_lookup_key()
    {
        using var store = _folder.Open(protector: _protector);
        await store.Write(session => session.Leads.Insert(TestLeads.Create("L-1", phone: PlainNumber)));

        var found = await store.Read(session => session.Leads.FindByPhone(Phone.TryParse(PlainNumber)!));

        Assert.Equal("+86" + PlainNumber, found?.Phone?.E164);
    }

    [Fact]
    public async Task Phone_is_kept_only_as_the_protector_keeps_it_in_leads_and_audit_snapshots()
    {
        using (var store = _folder.Open(protector: _protector))
        {
            var lead = TestLeads.Create("L-1", phone: PlainNumber);
            await store.Write(session =>
            {
                session.Leads.Insert(lead);
                session.Audit.Append(new AuditEntry(
                    Guid.NewGuid(), TestLeads.Now, "alice", "webchat", null, "lead.create", "L-1", null, lead.ToSnapshot(), null));
            });
        }

        Assert.DoesNotContain(PlainNumber, AllStoredText());
    }

    private string AllStoredText()
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = _folder.DatabasePath, Connection = ConnectionType.Direct });
        return string.Join(
            "\n",
            database.GetCollectionNames().SelectMany(name => database.GetCollection(name).FindAll()).Select(document => JsonSerializer.Serialize(document)));
    }
}
