using ChatCrm.Core.Conversations;

namespace ChatCrm.Core.Store;

public interface IConversationRepository
{
    ConversationLink? FindLink(string conversationKey);

    void SaveLink(ConversationLink link);

    void RemoveLink(string conversationKey);

    PendingQuestion? FindQuestion(string conversationKey);

    void SaveQuestion(PendingQuestion question);

    void RemoveQuestion(string conversationKey);

    InboundMessage? FindInbound(string key);

    /// <summary>Records a handled message; false when one with the same key was recorded already.</summary>
    bool TryRecordInbound(InboundMessage message);

    PersonalChannel? FindPersonalChannel(string userKey, string channel);

    /// <summary>A person's chats with the bot, most recently seen first.</summary>
    IReadOnlyList<PersonalChannel> PersonalChannelsOf(string userKey);

    void SavePersonalChannel(PersonalChannel channel);

    /// <summary>False when none was kept.</summary>
    bool RemovePersonalChannel(string userKey, string channel);

    /// <summary>Forgets up to <paramref name="limit"/> handled messages recorded before <paramref name="moment"/>; returns how many.</summary>
    int RemoveInboundBefore(DateTimeOffset moment, int limit);
}
