namespace ChatCrm.Channels.Teams.Schema;

/// <summary>
/// The outcome of reading a request body as an activity: the activity, or why the body is not one
/// (for a 400 and a log line). A well-formed activity of a type we do not handle is a success.
/// </summary>
public sealed record ActivityParseResult(TeamsActivity? Activity, string? Error)
{
    public bool Succeeded => Activity is not null;

    public static ActivityParseResult Parsed(TeamsActivity activity) => new(activity, null);

    public static ActivityParseResult Failed(string error) => new(null, error);
}
