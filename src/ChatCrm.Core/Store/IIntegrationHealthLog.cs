using ChatCrm.Core.Health;

namespace ChatCrm.Core.Store;

/// <summary>Each integration's last known state: healthy or failing, since when, and whether admins were told.</summary>
public interface IIntegrationHealthLog
{
    IntegrationState? Find(string integration);

    /// <summary>Every integration ever checked, by name.</summary>
    IReadOnlyList<IntegrationState> All();

    void Save(IntegrationState state);
}
