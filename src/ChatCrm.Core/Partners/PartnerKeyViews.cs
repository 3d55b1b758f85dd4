namespace ChatCrm.Core.Partners;

/// <summary>A key just made: everything the admin needs to hand over, the whole key shown this once.</summary>
public sealed record PartnerKeyIssued(string Id, string OwnerKey, IReadOnlyList<string> Scopes, string Key)
{
    // Records print their members; this one must not end up in a log by accident.
    public override string ToString() => $"PartnerKeyIssued {{ Id = {Id}, OwnerKey = {OwnerKey}, Key = *** }}";
}

/// <summary>A key as an admin lists it: never its secret or hash.</summary>
public sealed record PartnerKeyView(string Id, string OwnerKey, string OwnerName, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key revoked by an admin (or by offboarding its owner).</summary>
public sealed record PartnerKeyRevoked(string Id, string OwnerKey);

/// <summary>A contract's status as a partner reads it: no phone, email or name of anyone.</summary>
public sealed record PartnerLeadStatus(string Lead, string Stage, decimal? Amount, string? Currency, bool Won, bool Lost, DateTimeOffset UpdatedAt);
