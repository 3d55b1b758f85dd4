namespace ChatCrm.Core.Assignment;

/// <summary>
/// A lead that came in through intake and waits for the assignment engine: written in the same
/// transaction as the lead, so a crash between the two cannot leave a lead nobody will assign.
/// </summary>
/// <param name="SourceKey">The intake source, which assignment rules match on.</param>
/// <param name="Tags">The source's tags, which assignment rules match on.</param>
public sealed record AssignmentRequest(string LeadNumber, string SourceKey, IReadOnlyList<string> Tags, DateTimeOffset RequestedAt);
