using ChatCrm.Core.Partners;

namespace ChatCrm.Core.Store;

/// <summary>Partner API keys, by id; only their hashes are stored.</summary>
public interface IPartnerKeys
{
    PartnerKey? Find(string id);

    /// <summary>Every key, revoked ones too, oldest first.</summary>
    IReadOnlyList<PartnerKey> All();

    /// <summary>A user's keys, revoked ones too.</summary>
    IReadOnlyList<PartnerKey> OwnedBy(string ownerKey);

    void Save(PartnerKey key);
}
