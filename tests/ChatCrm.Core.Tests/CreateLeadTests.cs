using ChatCrm.Core.Leads;
using static ChatCrm.Core.Tests.CrmWorld;

namespace ChatCrm.Core.Tests;

public sealed class CreateLeadTests : IDisposable
{
    private readonly CrmWorld _world = new();

    public void Dispose() => _world.Dispose();

    private Task<Result<LeadChange>> CreateAsync(NewLead lead) => new CreateLead(_world.Store, _world.Clock, _world.Settings).HandleAsync(As(Alice), lead, default);

    [Fact]
    public async Task Lead_numbers_follow_the_local_date_with_a_per_day_sequence()
    {
        var first = await CreateAsync(new NewLead("张三", null, "腾讯", null, null));
        var second = await CreateAsync(new NewLead("李四", null, "网易", null, null));

        Assert.Equal("L-20261118-0001", first.Value!.After.Number);
        Assert.Equal("L-20261118-0002", second.Value!.After.Number);
    }

    [Fact]
    public async Task Lead_numbers_use_the_organisation_date_not_the_UTC_date()
    {
        // 00:30 in Shanghai on the 19th is still the 18th in UTC.
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 16, 30, 0, TimeSpan.Zero));

        var created = await CreateAsync(new NewLead("张三", null, null, null, null));

        Assert.Equal("L-20261119-0001", created.Value!.After.Number);
    }

    [Fact]
    public async Task The_phone_is_stored_in_E164_and_the_creator_owns_the_lead()
    {
        var created = await CreateAsync(new NewLead("张三", "139-1234-5678", "腾讯", "游戏", LeadStage.Qualified));

        Assert.Equal("+8613912345678", created.Value!.After.PhoneE164);
        Assert.Equal("alice", created.Value.After.OwnerKey);
        Assert.Equal("east", created.Value.After.TeamKey);
        Assert.Equal(LeadStage.Qualified, created.Value.After.Stage);
    }

    [Fact]
    public async Task A_duplicate_phone_is_refused_naming_the_existing_lead()
    {
        var first = await CreateAsync(new NewLead("张三", "13912345678", null, null, null));

        var second = await CreateAsync(new NewLead("李四", "+86 139 1234 5678", null, null, null));

        var duplicate = Assert.IsType<DuplicatePhone>(second.Error);
        Assert.Equal(first.Value!.After.Number, duplicate.Existing.Number);
    }

    [Fact]
    public async Task A_lead_without_a_name_asks_for_it()
    {
        var result = await CreateAsync(new NewLead(" ", "13912345678", null, null, null));

        Assert.Equal("name", Assert.IsType<MissingValue>(result.Error).Field);
    }

    [Fact]
    public async Task An_impossible_phone_is_refused()
    {
        var result = await CreateAsync(new NewLead("张三", "12", null, null, null));

        Assert.Equal("phone", Assert.IsType<InvalidValue>(result.Error).Field);
    }

    [Fact]
    public async Task Creation_writes_an_audit_entry_with_the_lead_after()
    {
        var created = await CreateAsync(new NewLead("张三", null, null, null, null));

        var entry = await _world.Store.ReadAsync(session => session.Audit.Find(created.Value!.AuditId), default);
        Assert.Equal("lead.create", entry!.Action);
        Assert.Equal("alice", entry.ActorKey);
        Assert.Null(entry.Before);
        Assert.Equal(created.Value!.After, entry.After);
    }
}
