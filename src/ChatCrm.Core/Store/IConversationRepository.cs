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
}
