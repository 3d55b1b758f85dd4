namespace ChatCrm.Core.FollowUps;

/// <summary>How the salesperson reached the customer in a follow-up.</summary>
public enum ContactChannel
{
    Call,
    Visit,
    WeChat,
    Email,
    Meeting,
}
