namespace ChatCrm.Core.Partners;

/// <summary>Keys go to users who hold the partner position only, so a key never carries a colleague's rights.</summary>
public sealed record NotAPartner(string UserKey) : CrmError
{
    public override string Code => "not_a_partner";
}

/// <summary>No partner key with this id.</summary>
public sealed record PartnerKeyNotFound(string Id) : CrmError
{
    public override string Code => "partner_key_not_found";
}

/// <summary>A scope that names no partner endpoint.</summary>
public sealed record UnknownPartnerScope(string Scope) : CrmError
{
    public override string Code => "unknown_partner_scope";
}
