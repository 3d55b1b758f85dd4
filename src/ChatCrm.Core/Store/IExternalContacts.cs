using ChatCrm.Core.Contacts;

namespace ChatCrm.Core.Store;

/// <summary>Customers known on chat platforms, by their platform id.</summary>
public interface IExternalContacts
{
    ExternalContact? Find(string channel, string externalUserId);

    void Save(ExternalContact contact);
}
