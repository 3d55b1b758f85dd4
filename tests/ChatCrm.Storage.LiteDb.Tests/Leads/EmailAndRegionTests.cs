using ChatCrm.Core.Leads;
using ChatCrm.Core.Personal;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Leads;

public sealed class EmailAndRegionTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_leads_email_is_found_by_the_protectors_lookup_key_and_kept_only_as_it_keeps_it()
    {
        var email = Email.TryParse(" Wang.JianGuo@Acme.COM ")!;
        using (var store = _folder.Open(protector: new ScramblingProtector()))
        {
            var lead = Lead.Create("L-1", "王建国", null, "Acme", null, LeadStage.New, null, "east", "webform", "intake", TestLeads.Now, email, "上海");
            await store.Write(session => session.Leads.Insert(lead));

            var found = await store.Read(session => session.Leads.FindByEmail(Email.TryParse("wang.jianguo@acme.com")!));

            Assert.Equal(("L-1", "wang.jianguo@acme.com", "上海"), (found!.Number, found.Email!.Address, found.Region));
            Assert.Null(await store.Read(session => session.Leads.FindByEmail(Email.TryParse("someone@acme.com")!)));
        }

        Assert.DoesNotContain("wang.jianguo", await File.ReadAllTextAsync(_folder.DatabasePath));
    }

    [Theory]
    [InlineData("not an email")]
    [InlineData("Wang <wang@acme.com>")]
    [InlineData("a@b")]
    [InlineData("")]
    public void What_is_not_one_plain_address_is_not_an_email(string text)
    {
        Assert.Null(Email.TryParse(text));
    }
}
