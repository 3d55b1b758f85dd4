namespace ChatCrm.Core.Preferences;

/// <summary>
/// What one person chose for themselves, kept apart from their <see cref="Access.User"/> record
/// (which admins manage). A person with no stored preferences has the defaults.
/// </summary>
public sealed record UserPreferences(string UserKey, QuietHours QuietHours, DateTimeOffset UpdatedAt)
{
    public static UserPreferences Defaults(string userKey) => new(userKey, QuietHours.Default, DateTimeOffset.MinValue);
}
