namespace ChatCrm.Core.Conversations;

/// <summary>A chat tied to a lead: later messages in it refer to that lead unless another is named.</summary>
/// <param name="ConversationKey">Channel and conversation id, e.g. "webchat:alice:c1".</param>
public sealed record ConversationLink(string ConversationKey, string LeadNumber, string LinkedBy, DateTimeOffset LinkedAt);
