using ChatCrm.Core.Access;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Partners;
using static ChatCrm.Core.Tests.CrmWorld;
using static ChatCrm.Core.Tests.Offboarding.OffboardingDesk;

namespace ChatCrm.Core.Tests.Offboarding;

/// <summary>Partner keys: made for partner users only, stored as a hash, refused once revoked or their owner offboarded.</summary>
public sealed class PartnerKeyTests : IDisposable
{
    private readonly OffboardingDesk _desk = new();

    public void Dispose() => _desk.Dispose();

    private PartnerAccess Access => new(_desk.World.Store);

    [Fact]
    public async Task The_key_is_shown_once_and_the_store_keeps_only_its_hash()
    {
        var issued = (await _desk.Keys.AddAsync(As(Admin), "acme", [PartnerScopes.LeadStatusRead], default)).Value!;

        var stored = (await _desk.World.Store.ReadAsync(session => session.PartnerKeys.Find(issued.Id), default))!;
        var secret = issued.Key.Split('.')[1];
        Assert.Equal(PartnerKey.HashOf(secret), stored.SecretHash);
        Assert.DoesNotContain(secret, stored.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_key_authenticates_as_its_partner_user_with_the_derived_signing_key()
    {
        var issued = (await _desk.Keys.AddAsync(As(Admin), "acme", [PartnerScopes.LeadStatusRead], default)).Value!;

        var caller = await Access.AuthenticateAsync(issued.Key, default);

        Assert.Equal(("acme", PartnerKey.SigningKeyOf(issued.Key.Split('.')[1])), (caller.Owner!.Key, caller.SigningKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_0000000000000000")]
    [InlineData("pk_0000000000000000.wrong")]
    [InlineData("no-dot-at-all")]
    public async Task Absent_malformed_or_unknown_keys_are_refused(string? presented)
    {
        await _desk.Keys.AddAsync(As(Admin), "acme", [PartnerScopes.LeadStatusRead], default);

        Assert.Equal(PartnerRefusal.NotAuthenticated, (await Access.AuthenticateAsync(presented, default)).Refusal);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_real_id_is_refused()
    {
        var issued = (await _desk.Keys.AddAsync(As(Admin), "acme", [PartnerScopes.LeadStatusRead], default)).Value!;

        var caller = await Access.AuthenticateAsync(issued.Id + "." + new string('0', 64), default);

        Assert.Equal(PartnerRefusal.NotAuthenticated, caller.Refusal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        var issued = (await _desk.Keys.AddAsync(As(Admin), "acme", [PartnerScopes.LeadStatusRead], default)).Value!;

        await _desk.Keys.RevokeAsync(As(Admin), issued.Id, default);

        Assert.Equal(PartnerRefusal.NotAuthenticated, (await Access.AuthenticateAsync(issued.Key, default)).Refusal);
    }

    [Fact]
    public async Task Offboarding_the_partner_user_revokes_their_keys()
    {
        var issued = (await _desk.Keys.AddAsync(As(Admin), "acme", [PartnerScopes.LeadStatusRead], default)).Value!;

        var done = await _desk.Offboard.DeactivateAsync(As(Admin), "acme", null, default);

        Assert.Equal(1, done.Value!.KeysRevoked);
        Assert.True((await _desk.World.Store.ReadAsync(session => session.PartnerKeys.Find(issued.Id), default))!.IsRevoked);
        Assert.Equal(PartnerRefusal.NotAuthenticated, (await Access.AuthenticateAsync(issued.Key, default)).Refusal);
    }

    [Fact]
    public async Task Keys_go_to_partner_users_only()
    {
        var result = await _desk.Keys.AddAsync(As(Admin), "alice", [PartnerScopes.LeadStatusRead], default);

        Assert.Equal(new NotAPartner("alice"), result.Error);
    }

    [Fact]
    public async Task A_scope_that_names_no_endpoint_is_refused()
    {
        var result = await _desk.Keys.AddAsync(As(Admin), "acme", ["lead.delete"], default);

        Assert.Equal(new UnknownPartnerScope("lead.delete"), result.Error);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        var result = await _desk.Keys.AddAsync(As(Wang), "acme", [PartnerScopes.LeadStatusRead], default);

        Assert.IsType<NotPermitted>(result.Error);
    }

    [Fact]
    public async Task A_partner_with_no_grant_reads_no_lead_as_if_it_did_not_exist()
    {
        var lead = await _desk.World.NewLeadAsync(Alice, "王总", "华为", "13800138001");

        var status = await new ReadPartnerLeadStatus(_desk.World.Store).HandleAsync(Acme, lead.Number, default);

        Assert.IsType<LeadNotFound>(status.Error);
    }

    [Fact]
    public async Task A_partner_granted_view_of_a_team_reads_its_contract_status()
    {
        var lead = await _desk.World.NewLeadAsync(Alice, "王总", "华为", "13800138001");
        await new ChangeStage(_desk.World.Store, _desk.World.Clock).HandleAsync(As(Alice), lead.Number, LeadStage.Won, default);
        var partner = Acme with { TeamKey = "east", Grants = new Dictionary<Permission, AccessScope> { [Permission.View] = AccessScope.Team } };

        var status = await new ReadPartnerLeadStatus(_desk.World.Store).HandleAsync(partner, lead.Number, default);

        Assert.Equal(new PartnerLeadStatus(lead.Number, "won", null, null, Won: true, Lost: false, _desk.World.Clock.GetUtcNow()), status.Value);
    }
}
