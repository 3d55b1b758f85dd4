namespace ChatCrm.Core.Access;

/// <summary>A sales team with one manager, e.g. 华东 East managed by wang.</summary>
public sealed record Team(string Key, string Name, string ManagerKey);
