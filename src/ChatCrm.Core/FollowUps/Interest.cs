namespace ChatCrm.Core.FollowUps;

/// <summary>How interested the customer seemed, as the salesperson judged it.</summary>
public enum Interest
{
    Low,
    Medium,
    High,
}
