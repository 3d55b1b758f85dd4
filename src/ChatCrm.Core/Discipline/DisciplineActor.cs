using ChatCrm.Core.Access;

namespace ChatCrm.Core.Discipline;

/// <summary>Who the audit names when a follow-up discipline job changes a lead on its own.</summary>
public static class DisciplineActor
{
    public const string Key = "system:follow-up";

    // Admin so the permission check of the shared change path lets the scheduler act on any team's lead.
    public static readonly Actor System = new(new User(Key, "跟进纪律 Follow-up discipline", Role.Admin, null, []), "scheduler", null);
}
