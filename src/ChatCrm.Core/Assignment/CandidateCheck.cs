namespace ChatCrm.Core.Assignment;

/// <summary>One team member as the engine weighed them for a lead.</summary>
/// <param name="Detail">What the verdict rests on, e.g. "5/5" offers held, or the person's role.</param>
public sealed record CandidateCheck(string UserKey, CandidateVerdict Verdict, string? Detail = null);
