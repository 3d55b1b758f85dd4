namespace ChatCrm.Core.Access;

/// <summary>
/// Who a user is on a chat platform: the Teams user's Entra object id, the WeCom userid. Personal
/// data: stored through the personal-data port, never logged.
/// </summary>
/// <param name="Channel">"teams", "wecom".</param>
public sealed record ChannelIdentity(string Channel, string ExternalId);
