using ChatCrm.Core.Contacts;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Contacts;

/// <summary>
/// Customers known on chat platforms. The _id is the channel and the protector's lookup key of the
/// external id, and the id itself is kept as the protector makes it: it is personal data.
/// </summary>
internal sealed class ExternalContactRepository(SessionScope scope, ILiteCollection<BsonDocument> contacts, IPersonalDataProtector protector) : IExternalContacts
{
    public ExternalContact? Find(string channel, string externalUserId)
    {
        var document = scope.Read(() => contacts.FindById(IdOf(channel, externalUserId)));
        return document is null ? null : ToContact(document);
    }

    public void Save(ExternalContact contact)
    {
        var document = new BsonDocument
        {
            ["_id"] = IdOf(contact.Channel, contact.ExternalUserId),
            ["Channel"] = contact.Channel,
            ["ExternalUserId"] = protector.Protect(contact.ExternalUserId),
            ["Name"] = contact.Name,
            ["Company"] = BsonFields.Text(contact.Company),
            ["LeadNumber"] = contact.LeadNumber,
            ["Followers"] = new BsonArray(contact.Followers.Select(FollowerToDocument)),
        };
        BsonFields.SetMoment(document, "UpdatedAt", contact.UpdatedAt);
        scope.Write(() => contacts.Upsert(document));
    }

    private string IdOf(string channel, string externalUserId) => $"{channel}:{protector.LookupKey(externalUserId)}";

    private static BsonDocument FollowerToDocument(ContactFollower follower)
    {
        var document = new BsonDocument
        {
            ["UserKey"] = follower.UserKey,
            ["RemovedBy"] = BsonFields.Name(follower.RemovedBy),
        };
        BsonFields.SetMoment(document, "AddedAt", follower.AddedAt);
        BsonFields.SetMoment(document, "RemovedAt", follower.RemovedAt);
        return document;
    }

    private ExternalContact ToContact(BsonDocument document) => new(
        BsonFields.GetRequiredText(document, "Channel"),
        protector.Reveal(BsonFields.GetRequiredText(document, "ExternalUserId")),
        BsonFields.GetRequiredText(document, "Name"),
        BsonFields.GetText(document, "Company"),
        BsonFields.GetRequiredText(document, "LeadNumber"),
        [.. document["Followers"].AsArray.Select(value => value.AsDocument).Select(follower => new ContactFollower(
            BsonFields.GetRequiredText(follower, "UserKey"),
            BsonFields.GetMoment(follower, "AddedAt"),
            BsonFields.GetOptionalMoment(follower, "RemovedAt"),
            BsonFields.GetOptionalName<ContactRemoval>(follower, "RemovedBy")))],
        BsonFields.GetMoment(document, "UpdatedAt"));
}
