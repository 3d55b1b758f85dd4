using ChatCrm.Core.Leads;
using ChatCrm.Core.RecycleBin;

namespace ChatCrm.Core.Store;

/// <summary>
/// Deleted leads, kept apart from the live ones so no lead query, list, search, dedupe or report
/// sees them, until restored (back as they were) or purged (gone for good).
/// </summary>
public interface IRecycleBin
{
    /// <summary>Moves a stored lead into the bin, with who deleted it, when and why.</summary>
    void Put(Lead lead, BinEntry entry);

    BinnedLead? Find(string number);

    /// <summary>The bin's leads, most recently deleted first.</summary>
    IReadOnlyList<BinnedLead> Newest(int limit);

    int Count();

    /// <summary>Leads deleted before <paramref name="moment"/>, oldest first.</summary>
    IReadOnlyList<BinnedLead> DeletedBefore(DateTimeOffset moment, int limit);

    /// <summary>Leads one approved request deleted, so one command restores them all.</summary>
    IReadOnlyList<BinnedLead> DeletedByRequest(string requestNumber, int limit);

    /// <summary>Moves a binned lead back among the live ones, as it was when deleted.</summary>
    void Restore(string number);

    /// <summary>Removes a binned lead for good.</summary>
    void Purge(string number);
}
