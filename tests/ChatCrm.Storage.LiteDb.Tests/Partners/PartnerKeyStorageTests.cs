using ChatCrm.Core.Intake;
using ChatCrm.Core.Partners;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Partners;

/// <summary>Partner keys and intake source owners come back whole across a reopen; keys are found by owner.</summary>
public sealed class PartnerKeyStorageTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_revoked_key_comes_back_whole_across_a_reopen()
    {
        var (key, _) = PartnerKey.Issue("acme", [PartnerScopes.LeadStatusRead, PartnerScopes.FollowUpWrite], "admin", TestLeads.Now);
        var revoked = key.Revoke("hr", TestLeads.Now.AddDays(1));
        using (var store = _folder.Open())
        {
            await store.Write(session => session.PartnerKeys.Save(revoked));
        }

        using var reopened = _folder.Open();
        var found = (await reopened.Read(session => session.PartnerKeys.Find(key.Id)))!;

        Assert.Equal(
            (revoked.OwnerKey, revoked.SecretHash, revoked.CreatedAt, revoked.CreatedBy, revoked.RevokedAt, revoked.RevokedBy),
            (found.OwnerKey, found.SecretHash, found.CreatedAt, found.CreatedBy, found.RevokedAt, found.RevokedBy));
        Assert.Equal(revoked.Scopes, found.Scopes);
    }

    [Fact]
    public async Task Keys_are_found_by_their_owner()
    {
        var (mine, _) = PartnerKey.Issue("acme", [PartnerScopes.LeadStatusRead], "admin", TestLeads.Now);
        var (theirs, _) = PartnerKey.Issue("globex", [PartnerScopes.LeadStatusRead], "admin", TestLeads.Now);
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.PartnerKeys.Save(mine);
            session.PartnerKeys.Save(theirs);
        });

        var owned = await store.Read(session => session.PartnerKeys.OwnedBy("acme"));

        Assert.Equal([mine.Id], owned.Select(key => key.Id));
    }

    [Fact]
    public async Task An_intake_sources_owner_comes_back_and_a_configured_source_has_none()
    {
        using var store = _folder.Open();
        await store.Write(session =>
        {
            session.Intake.SaveSource(IntakeSource.Create("alice-form", "web", "secret-0123456789abcdef", new Dictionary<string, IntakeField>(), [], null, TestLeads.Now, "alice"));
            session.Intake.SaveSource(IntakeSource.Create("webform", "web", "secret-0123456789abcdef", new Dictionary<string, IntakeField>(), [], null, TestLeads.Now));
        });

        var owners = await store.Read(session => session.Intake.AllSources().Select(source => source.OwnerKey).ToList());

        Assert.Equal(["alice", null], owners);
    }
}
