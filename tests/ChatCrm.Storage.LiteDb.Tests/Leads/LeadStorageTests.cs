using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Leads;

public sealed class LeadStorageTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public LeadStorageTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Lead_comes_back_with_every_field_offsets_and_decimal_scale_intact()
    {
        var lead = TestLeads.Create("L-20261118-0001", company: "Acme Corp");
        lead.Value(1234567.50m, "CNY", TestLeads.Now.AddMinutes(5));
        lead.RecordFollowUp(
            new DateTimeOffset(2026, 11, 18, 10, 15, 30, 123, TimeSpan.FromHours(8)).AddTicks(4567),
            new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(-5)),
            new DateTimeOffset(2026, 11, 18, 2, 16, 0, TimeSpan.Zero));
        await _store.Write(session => session.Leads.Insert(lead));

        var loaded = await _store.Read(session => session.Leads.Find(lead.Number));

        Assert.NotNull(loaded);
        Exactly.Equal(lead.ToSnapshot(), loaded.ToSnapshot());
    }

    [Theory]
    [InlineData("0.0001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("100.000")]
    public async Task Amount_keeps_its_exact_value_and_scale(string amount)
    {
        var lead = TestLeads.Create("L-1");
        lead.Value(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "USD", TestLeads.Now);
        await _store.Write(session => session.Leads.Insert(lead));

        var loaded = await _store.Read(session => session.Leads.Find("L-1"));

        Exactly.Equal(lead.Amount, loaded!.Amount);
    }

    [Fact]
    public async Task Lead_without_phone_company_or_amount_comes_back_with_nulls()
    {
        var lead = TestLeads.Create("L-1", phone: null, company: null, inPool: true);
        await _store.Write(session => session.Leads.Insert(lead));

        var loaded = await _store.Read(session => session.Leads.Find("L-1"));

        Exactly.Equal(lead.ToSnapshot(), loaded!.ToSnapshot());
    }

    [Fact]
    public async Task Find_of_an_unknown_number_is_null()
    {
        Assert.Null(await _store.Read(session => session.Leads.Find("L-404")));
    }

    [Fact]
    public async Task Update_replaces_the_stored_lead()
    {
        var lead = TestLeads.Create("L-1", inPool: true);
        await _store.Write(session => session.Leads.Insert(lead));
        lead.Claim(TestLeads.Bob, TestLeads.Now.AddHours(1));
        lead.MoveTo(LeadStage.Qualified, TestLeads.Now.AddHours(2));

        await _store.Write(session => session.Leads.Update(lead));

        var loaded = await _store.Read(session => session.Leads.Find("L-1"));
        Exactly.Equal(lead.ToSnapshot(), loaded!.ToSnapshot());
    }

    [Fact]
    public async Task Update_of_a_lead_never_stored_fails()
    {
        var update = _store.Write(session => session.Leads.Update(TestLeads.Create("L-404")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => update);
    }

    [Fact]
    public async Task Delete_removes_the_lead()
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        await _store.Write(session => session.Leads.Delete("L-1"));

        Assert.Null(await _store.Read(session => session.Leads.Find("L-1")));
    }

    [Theory]
    [InlineData("王总")]
    [InlineData("王建国")]
    [InlineData("acme")]
    [InlineData("acme corp")]
    public async Task FindByKey_finds_a_lead_by_any_of_its_search_keys(string key)
    {
        await _store.Write(session =>
        {
            session.Leads.Insert(TestLeads.Create("L-1", name: "王建国", company: "Acme Corp"));
            session.Leads.Insert(TestLeads.Create("L-2", name: "李明", company: "Globex"));
        });

        var found = await _store.Read(session => session.Leads.FindByKey(key, 10));

        Assert.Equal(["L-1"], found.Select(lead => lead.Number));
    }

    [Fact]
    public async Task FindByKey_compares_keys_exactly_not_ignoring_case()
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1", name: "Sarah Connor", company: null)));

        var found = await _store.Read(session => session.Leads.FindByKey("SARAH", 10));

        Assert.Empty(found);
    }

    [Fact]
    public async Task FindByKey_returns_at_most_the_limit()
    {
        await _store.Write(session =>
        {
            for (var i = 1; i <= 5; i++)
            {
                session.Leads.Insert(TestLeads.Create($"L-{i}", name: "王建国"));
            }
        });

        var found = await _store.Read(session => session.Leads.FindByKey("王总", 3));

        Assert.Equal(3, found.Count);
    }

    [Fact]
    public async Task FindByPhone_finds_the_lead_whatever_way_the_number_was_typed()
    {
        await _store.Write(session =>
        {
            session.Leads.Insert(TestLeads.Create("L-1", phone: "13800138000"));
            session.Leads.Insert(TestLeads.Create("L-2", phone: "13900139000"));
        });

        var found = await _store.Read(session => session.Leads.FindByPhone(Phone.TryParse("+86 138 0013 8000")!));

        Assert.Equal("L-1", found?.Number);
    }

    [Fact]
    public async Task FindByPhone_of_an_unknown_number_is_null()
    {
        await _store.Write(session => session.Leads.Insert(TestLeads.Create("L-1", phone: "13800138000")));

        Assert.Null(await _store.Read(session => session.Leads.FindByPhone(Phone.TryParse("13700137000")!)));
    }
}
