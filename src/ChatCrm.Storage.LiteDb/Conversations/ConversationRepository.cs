using ChatCrm.Core.Conversations;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Conversations;

internal sealed class ConversationRepository(SessionScope scope, StoreCollections collections, IPersonalDataProtector protector) : IConversationRepository
{
    public ConversationLink? FindLink(string conversationKey)
    {
        var document = scope.Read(() => collections.Links.FindById(conversationKey));
        return document is null ? null : ConversationDocuments.ToLink(document);
    }

    public void SaveLink(ConversationLink link)
    {
        var document = ConversationDocuments.LinkToDocument(link);
        scope.Write(() => collections.Links.Upsert(document));
    }

    public void RemoveLink(string conversationKey) => scope.Write(() => collections.Links.Delete(conversationKey));

    public PendingQuestion? FindQuestion(string conversationKey)
    {
        var document = scope.Read(() => collections.Questions.FindById(conversationKey));
        return document is null ? null : ConversationDocuments.ToQuestion(document);
    }

    public void SaveQuestion(PendingQuestion question)
    {
        var document = ConversationDocuments.QuestionToDocument(question);
        scope.Write(() => collections.Questions.Upsert(document));
    }

    public void RemoveQuestion(string conversationKey) => scope.Write(() => collections.Questions.Delete(conversationKey));

    public InboundMessage? FindInbound(string key)
    {
        var document = scope.Read(() => collections.Inbound.FindById(key));
        return document is null ? null : ConversationDocuments.ToInbound(document);
    }

    // Look first, then insert: a duplicate-key insert would make LiteDB roll back the whole
    // transaction, and the units committed with this one besides. One writer makes the pair atomic.
    public bool TryRecordInbound(InboundMessage message)
    {
        var document = ConversationDocuments.InboundToDocument(message);
        return scope.Write(() =>
        {
            if (collections.Inbound.FindById(message.Key) is not null)
            {
                return false;
            }

            collections.Inbound.Insert(document);
            return true;
        });
    }

    public PersonalChannel? FindPersonalChannel(string userKey, string channel)
    {
        var document = scope.Read(() => collections.PersonalChannels.FindById(ConversationDocuments.PersonalChannelId(userKey, channel)));
        return document is null ? null : ConversationDocuments.ToPersonalChannel(document, protector);
    }

    public IReadOnlyList<PersonalChannel> PersonalChannelsOf(string userKey)
    {
        var documents = scope.Read(() => collections.PersonalChannels
            .Find(BsonExpression.Create($"$.{ConversationDocuments.PersonalChannelUserKey} = @0", new BsonValue(userKey)))
            .ToList());
        return [.. documents.Select(document => ConversationDocuments.ToPersonalChannel(document, protector)).OrderByDescending(channel => channel.SeenAt)];
    }

    public void SavePersonalChannel(PersonalChannel channel)
    {
        var document = ConversationDocuments.PersonalChannelToDocument(channel, protector);
        scope.Write(() => collections.PersonalChannels.Upsert(document));
    }

    public bool RemovePersonalChannel(string userKey, string channel) =>
        scope.Write(() => collections.PersonalChannels.Delete(ConversationDocuments.PersonalChannelId(userKey, channel)));

    public int RemoveInboundBefore(DateTimeOffset moment, int limit) =>
        limit <= 0 ? 0 : OldestBefore.Remove(scope, collections.Inbound, ConversationDocuments.InboundReceivedAt, moment, limit);
}
