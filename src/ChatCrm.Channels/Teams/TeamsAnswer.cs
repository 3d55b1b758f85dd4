namespace ChatCrm.Channels.Teams;

/// <summary>What the messaging endpoint answers Teams: a status, and for an invoke the invoke response body.</summary>
public sealed record TeamsAnswer(int Status, string? Json = null, string? Problem = null)
{
    public static TeamsAnswer Accepted { get; } = new(200);
}
