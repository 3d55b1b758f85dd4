namespace ChatCrm.Core.Contacts;

/// <summary>How a salesperson's tie to a customer on a chat platform ended.</summary>
public enum ContactRemoval
{
    /// <summary>The customer deleted the salesperson (WeCom's <c>del_follow_user</c>).</summary>
    ByCustomer,

    /// <summary>The salesperson deleted the customer (WeCom's <c>del_external_contact</c>).</summary>
    BySalesperson,
}

/// <summary>A salesperson who has the customer as a contact, since when, and whether that ended.</summary>
public sealed record ContactFollower(string UserKey, DateTimeOffset AddedAt, DateTimeOffset? RemovedAt = null, ContactRemoval? RemovedBy = null);

/// <summary>
/// A customer as a chat platform knows them (a WeCom external contact), and the lead they are.
/// One lead per customer, whichever salespeople add them; the external id is personal data and
/// is stored through the personal-data port.
/// </summary>
public sealed record ExternalContact(
    string Channel,
    string ExternalUserId,
    string Name,
    string? Company,
    string LeadNumber,
    IReadOnlyList<ContactFollower> Followers,
    DateTimeOffset UpdatedAt);
