namespace ChatCrm.Core.Conversations;

/// <summary>
/// Where the bot can reach a person on its own (a reminder, a lead offered to them): their chat
/// with the bot on one platform. The address is the platform's, opaque to the core, and personal
/// data (it holds chat ids): stored through the personal-data port.
/// </summary>
/// <param name="UserKey">The CRM user.</param>
/// <param name="Channel">"teams", "wecom".</param>
/// <param name="Address">What the channel needs to open or reach the chat, in its own format.</param>
/// <param name="IsDirect">
/// True when the address names the person's own chat with the bot; false when it only says how to
/// open one (seen in a group chat), which a direct address is never replaced by.
/// </param>
/// <param name="SeenAt">When the person last used this channel: the most recent one is used first.</param>
public sealed record PersonalChannel(string UserKey, string Channel, string Address, bool IsDirect, DateTimeOffset SeenAt);
