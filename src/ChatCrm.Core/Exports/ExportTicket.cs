namespace ChatCrm.Core.Exports;

/// <summary>Which leads an export takes: one's own, one's team's, or all one's Export permission reaches.</summary>
public enum ExportScope
{
    Mine,
    Team,
    All,
}

/// <summary>
/// A prepared export: who may fetch it, which leads, whether with full phones, and its one-time
/// link's token (kept hashed). Fetching it once uses it up; after <see cref="ExpiresAt"/> it opens nothing.
/// </summary>
/// <param name="Count">How many leads it held when prepared; the file holds those the requester still reaches when fetched.</param>
/// <param name="RequestNumber">The approval that allowed full phones, if it needed one.</param>
public sealed record ExportTicket(
    Guid Id,
    string RequesterKey,
    ExportScope Scope,
    bool WithPhones,
    string TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int Count,
    string? RequestNumber = null,
    DateTimeOffset? UsedAt = null);

/// <summary>Where an export is fetched: the host knows its own address.</summary>
public interface IExportLinks
{
    string For(Guid exportId, string token);
}

/// <summary>A prepared export as the requester is told of it.</summary>
public sealed record ExportReady(Guid Id, string Url, int Count, bool WithPhones, DateTimeOffset ExpiresAt);

/// <summary>What <c>/export</c> did: prepared the file's link, or (with phones) opened an approval.</summary>
public sealed record ExportOutcome(ExportReady? Ready, Approvals.ApprovalOpened? Approval);

/// <summary>One lead as a row of the export file; phone and email masked unless the export may show them.</summary>
public sealed record ExportRow(
    string Number,
    string Name,
    string? Company,
    string? Industry,
    string? Region,
    string Stage,
    decimal? Amount,
    string? Currency,
    string? Owner,
    string? Team,
    string? Phone,
    string? Email,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastFollowUpAt);
