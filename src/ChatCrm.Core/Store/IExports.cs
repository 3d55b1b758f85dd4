using ChatCrm.Core.Exports;

namespace ChatCrm.Core.Store;

/// <summary>Prepared exports and whether their one-time link was used.</summary>
public interface IExports
{
    ExportTicket? Find(Guid id);

    void Save(ExportTicket ticket);
}
