using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Preferences;

/// <summary>
/// People's quiet hours read inside one store session, for a batch of notices: the rulebook (for
/// each person's zone) is read once, and only when a notice needs it.
/// </summary>
public sealed class QuietHoursBook(ICrmSession session, CrmSettings settings)
{
    private AssignmentRulebook? _rulebook;
    private bool _rulebookRead;

    /// <summary>When the quiet hours <paramref name="user"/> is in at <paramref name="now"/> end; null when they are not in them.</summary>
    public DateTimeOffset? EndOf(User user, DateTimeOffset now)
    {
        var hours = session.Preferences.Find(user.Key)?.QuietHours ?? QuietHours.Default;
        if (hours.IsOff)
        {
            return null;
        }

        if (!_rulebookRead)
        {
            _rulebook = session.AssignmentRules.Find();
            _rulebookRead = true;
        }

        return hours.EndOf(now, PersonalTimeZone.Of(_rulebook, user, settings));
    }
}
