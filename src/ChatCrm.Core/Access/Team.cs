namespace ChatCrm.Core.Access;

/// <summary>A sales team with one manager, e.g. 华东 East managed by wang, in a region (e.g. "east-china").</summary>
/// <param name="RegionKey">Region-wide positions (a regional manager) reach every team of their region.</param>
public sealed record Team(string Key, string Name, string ManagerKey, string? RegionKey = null);
