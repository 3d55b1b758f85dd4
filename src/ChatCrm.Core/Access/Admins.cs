using ChatCrm.Core.Store;

namespace ChatCrm.Core.Access;

/// <summary>Who runs the install: people whose rights include admin at full scope, and who are active.</summary>
public static class Admins
{
    public static bool Are(ICrmSession session, User user) => LeadAccess.Of(session, user).IsAdmin;

    public static Task<bool> AllowAsync(ICrmStore store, Actor actor, CancellationToken cancellationToken) =>
        store.ReadAsync(session => Are(session, actor.User), cancellationToken);

    /// <summary>Everyone who is told about the install's own troubles (integrations, escalations without a manager).</summary>
    public static IReadOnlyList<User> All(ICrmSession session) =>
        [.. session.People.AllUsers().Where(user => user.IsActive && Are(session, user))];
}
