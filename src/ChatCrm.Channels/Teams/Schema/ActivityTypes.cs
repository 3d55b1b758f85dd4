namespace ChatCrm.Channels.Teams.Schema;

/// <summary>The activity <c>type</c> values ChatCrm handles; any other type is acknowledged and ignored.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
}
