using ChatCrm.Core.Contacts;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class ExternalContactTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestLeads.Now;

    private readonly StoreFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_contact_comes_back_with_its_followers_and_its_id_is_kept_only_as_the_protector_keeps_it()
    {
        var contact = new ExternalContact("wecom", "wmSecretCustomerId", "王总", "网易", "L-1",
            [new ContactFollower("alice", Now), new ContactFollower("bob", Now, Now.AddDays(1), ContactRemoval.ByCustomer)], Now);
        using (var store = _folder.Open(protector: new ScramblingProtector()))
        {
            await store.Write(session => session.Contacts.Save(contact));

            var loaded = await store.Read(session => session.Contacts.Find("wecom", "wmSecretCustomerId"));

            Assert.Equal(contact with { Followers = loaded!.Followers }, loaded);
            Assert.Equal(contact.Followers, loaded.Followers);
            Assert.Null(await store.Read(session => session.Contacts.Find("teams", "wmSecretCustomerId")));
        }

        Assert.DoesNotContain("wmSecretCustomerId", await File.ReadAllTextAsync(_folder.DatabasePath));
    }
}
