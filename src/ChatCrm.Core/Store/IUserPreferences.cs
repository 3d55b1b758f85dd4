using ChatCrm.Core.Preferences;

namespace ChatCrm.Core.Store;

/// <summary>People's own settings (quiet hours), one small record per person who changed one.</summary>
public interface IUserPreferences
{
    /// <summary>Null when the person never changed a setting: they have <see cref="UserPreferences.Defaults"/>.</summary>
    UserPreferences? Find(string userKey);

    void Save(UserPreferences preferences);
}
