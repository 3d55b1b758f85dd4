using System.Globalization;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>What the monthly permission review found.</summary>
/// <param name="BeyondPosition">"user: permission position-scope → own-scope" for every grant above the user's position.</param>
/// <param name="UnusedHigh">"user: permission" for every high privilege not used in <see cref="ReviewPermissions.UnusedAfter"/>.</param>
/// <param name="Inactive">Active accounts with no chat and no audited act for <see cref="ReviewPermissions.InactiveAfter"/>.</param>
/// <param name="Exports">"date user action detail" for every export of the month.</param>
/// <param name="AuditHead">The audit chain's head when the review ran ("#sequence hash"): kept in the admins' chats,
/// outside the database, it shows later whether the chain was cut short at its end.</param>
public sealed record PermissionReview(string Month, IReadOnlyList<string> BeyondPosition, IReadOnlyList<string> UnusedHigh, IReadOnlyList<string> Inactive, IReadOnlyList<string> Exports, string? AuditHead = null);

/// <summary>
/// The monthly permission health report to admins (job "permission-health", the 1st of each month
/// at 09:00): who can do more than their position grants, high privileges nobody used for 90 days,
/// accounts idle for 30 days, and every export of the month before. Sent once per month: the review
/// is itself an audit entry, which a second run finds.
/// </summary>
public sealed class ReviewPermissions(ICrmStore store, TimeProvider clock, CrmSettings settings) : IScheduledJob
{
    public const string ReviewerKey = "permission-review";

    public static readonly TimeSpan UnusedAfter = TimeSpan.FromDays(90);

    public static readonly TimeSpan InactiveAfter = TimeSpan.FromDays(30);

    // The acts that show a high privilege in use.
    private static readonly (Permission Permission, Func<string, bool> UsedBy)[] HighPrivileges =
    [
        (Permission.Admin, action => action.StartsWith("user.", StringComparison.Ordinal) || action.StartsWith("position.", StringComparison.Ordinal)
            || action.StartsWith("team.", StringComparison.Ordinal) || action.StartsWith("intake.source", StringComparison.Ordinal)
            || action.StartsWith("job.", StringComparison.Ordinal) || action is AuditActions.ReplayMessage or AuditActions.RestoreLead or AuditActions.ApproveRequest or AuditActions.RejectRequest),
        (Permission.Delete, action => action is AuditActions.DeleteLead or AuditActions.PurgeLead || action == AuditActions.RequestApproval),
        (Permission.Export, action => action.StartsWith("export.", StringComparison.Ordinal)),
        (Permission.ViewFullPhone, action => action == AuditActions.RevealContact),
        (Permission.EditSignedAmount, action => action == AuditActions.ChangeAmount),
    ];

    private const int ReadLimit = 5000;

    private static readonly Actor Reviewer = new(new User(ReviewerKey, "权限复核 Permission review", Role.Admin, null, []), "scheduler", null);

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var local = settings.LocalNow(now);
        var thisMonth = new DateOnly(local.Year, local.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var sent = await store.WriteAsync(session =>
        {
            if (session.Audit.RecentBy(ReviewerKey, null, now.AddDays(-40), 20).Any(entry => entry.Detail == month))
            {
                return -1;
            }

            var review = Review(session, month, settings.StartOf(lastMonth), settings.StartOf(thisMonth), now, settings.TimeZone);
            var admins = Admins.All(session);
            foreach (var admin in admins)
            {
                session.Outbox.Enqueue(OutboxMessage.New(Guid.CreateVersion7(now), admin.Key, ToNotice(review), now));
            }

            session.Audit.Append(AuditTrail.Entry(Reviewer, AuditActions.ReviewPermissions, now, null, null, null, month));
            return admins.Count;
        }, cancellationToken);
        return sent < 0 ? JobOutcome.Nothing : new JobOutcome($"permission review of {month} sent to {sent} admin(s)", sent);
    }

    /// <summary>The review itself, for the job and for tests.</summary>
    public static PermissionReview Review(ICrmSession session, string month, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var users = session.People.AllUsers().Where(user => user.IsActive).ToList();
        var beyond = new List<string>();
        var unused = new List<string>();
        var inactive = new List<string>();
        var exports = new List<(DateTimeOffset At, string Line)>();
        foreach (var user in users)
        {
            var rights = LeadAccess.Of(session, user);
            foreach (var (permission, scope) in user.Grants ?? new Dictionary<Permission, AccessScope>())
            {
                if (scope > rights.Position.ScopeOf(permission))
                {
                    beyond.Add($"{user.Key}: {PermissionNames.Of(permission)} {PermissionNames.Of(rights.Position.ScopeOf(permission))} → {PermissionNames.Of(scope)}");
                }
            }

            var recent = session.Audit.RecentBy(user.Key, null, now - UnusedAfter, ReadLimit);
            foreach (var (permission, usedBy) in HighPrivileges)
            {
                if (rights.Has(permission) && !recent.Any(entry => usedBy(entry.Action)))
                {
                    unused.Add($"{user.Key}: {PermissionNames.Of(permission)}");
                }
            }

            var lastSeen = session.Conversations.PersonalChannelsOf(user.Key).Select(channel => (DateTimeOffset?)channel.SeenAt).Max();
            var lastActed = recent.Count > 0 ? recent[0].At : (DateTimeOffset?)null;
            if ((lastSeen is null || lastSeen < now - InactiveAfter) && (lastActed is null || lastActed < now - InactiveAfter))
            {
                inactive.Add(user.Key);
            }

            exports.AddRange(session.Audit.RecentBy(user.Key, null, from, ReadLimit)
                .Where(entry => entry.At < to && entry.Action.StartsWith("export.", StringComparison.Ordinal))
                .Select(entry => (entry.At, $"{TimeZoneInfo.ConvertTime(entry.At, zone).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {user.Key} {entry.Action} {entry.Detail}".Trim())));
        }

        var head = session.Audit.LastSealed()?.Seal is { } seal ? $"#{seal.Sequence} {seal.Hash}" : null;
        return new PermissionReview(month, beyond, unused, inactive, [.. exports.OrderBy(export => export.At).Select(export => export.Line)], head);
    }

    private static Notice ToNotice(PermissionReview review) => new(Notices.PermissionHealth, new Dictionary<string, string>
    {
        ["month"] = review.Month,
        ["beyond"] = string.Join('\n', review.BeyondPosition),
        ["unused"] = string.Join('\n', review.UnusedHigh),
        ["inactive"] = string.Join(' ', review.Inactive),
        ["exports"] = string.Join('\n', review.Exports),
        ["export_count"] = review.Exports.Count.ToString(CultureInfo.InvariantCulture),
        ["audit_head"] = review.AuditHead ?? string.Empty,
    });
}
