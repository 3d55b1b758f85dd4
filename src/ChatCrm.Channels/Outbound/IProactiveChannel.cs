using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;

namespace ChatCrm.Channels.Outbound;

/// <summary>
/// A platform the bot can message a person on without being asked (an offered lead, a due
/// reminder): writes a reply as a delivery to the person's chat with the bot, for the outbox.
/// </summary>
public interface IProactiveChannel
{
    /// <summary>The channel name of the chats it writes to: "teams", "wecom".</summary>
    string Channel { get; }

    /// <summary>False while the channel is switched off: its remembered chats are then left alone.</summary>
    bool IsOn { get; }

    /// <summary>The delivery of <paramref name="reply"/> to <paramref name="chat"/>, or null when the address cannot be used.</summary>
    Delivery? Write(PersonalChannel chat, ChatReply reply);
}
