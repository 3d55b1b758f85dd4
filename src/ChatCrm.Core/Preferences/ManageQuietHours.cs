using System.Globalization;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Preferences;

/// <summary>A person's quiet hours as they stand, on their own clock.</summary>
/// <param name="IsDefault">True when the person never set them (21:00–08:00).</param>
/// <param name="QuietUntil">When the quiet hours the person is in right now end; null when they are not in them.</param>
public sealed record QuietHoursView(QuietHours Hours, TimeZoneInfo Zone, bool IsDefault, DateTimeOffset? QuietUntil);

/// <summary>
/// "/quiet", "/quiet 22:00-07:30", "/quiet off": a person looks at or sets their own quiet hours,
/// during which notices that can wait are held until the quiet hours end (<see cref="Notifications.RouteNotices"/>).
/// Anyone may set their own, nobody anyone else's; a change is audited.
/// </summary>
public sealed class ManageQuietHours(ICrmStore store, TimeProvider clock, CrmSettings settings)
{
    public Task<QuietHoursView> ShowAsync(Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.ReadAsync(session => View(session, actor.User, session.Preferences.Find(actor.Key), now), cancellationToken);
    }

    /// <param name="hours">The new quiet hours (<see cref="QuietHours.Off"/> to turn them off); null when what was typed could not be read.</param>
    /// <param name="given">What the person typed, for the answer when it could not be read.</param>
    public Task<Result<QuietHoursView>> SetAsync(Actor actor, QuietHours? hours, string? given, CancellationToken cancellationToken)
    {
        if (hours is null)
        {
            return Task.FromResult<Result<QuietHoursView>>(string.IsNullOrWhiteSpace(given) ? new MissingValue("quiet_hours") : new InvalidValue("quiet_hours", given));
        }

        var now = clock.GetUtcNow();
        return store.WriteAsync<Result<QuietHoursView>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            // Equal start and end mean none: stored as the one "off" value, so every "off" reads the same.
            var saved = new UserPreferences(actor.Key, hours.IsOff ? QuietHours.Off : hours, now);
            session.Preferences.Save(saved);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.SetQuietHours, now, null, null, null, Describe(saved.QuietHours)));
            return Result<QuietHoursView>.Success(View(session, actor.User, saved, now));
        }, cancellationToken);
    }

    /// <summary>"22:00-07:30", or "off".</summary>
    public static string Describe(QuietHours hours) =>
        hours.IsOff ? "off" : $"{hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{hours.End.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private QuietHoursView View(ICrmSession session, User user, UserPreferences? preferences, DateTimeOffset now)
    {
        var hours = preferences?.QuietHours ?? QuietHours.Default;
        var zone = PersonalTimeZone.Of(session, user, settings);
        return new QuietHoursView(hours, zone, preferences is null, hours.EndOf(now, zone));
    }
}
