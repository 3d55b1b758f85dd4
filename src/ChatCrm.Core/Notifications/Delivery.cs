namespace ChatCrm.Core.Notifications;

/// <summary>
/// A message already rendered for one chat platform and addressed on it (a Teams reply to an
/// activity, say). The core keeps it opaque; the channel that wrote it knows how to send it.
/// </summary>
/// <param name="Channel">"teams", "wecom".</param>
/// <param name="Address">Where it goes, in the channel's own form (a conversation reference).</param>
/// <param name="Content">What is sent, in the channel's own form (an activity).</param>
public sealed record Delivery(string Channel, string Address, string Content);
