namespace ChatCrm.Language;

/// <summary>An admin offboards a colleague (/admin deactivate &lt;user&gt; [manager|pool], /admin user deactivate …).</summary>
/// <param name="Leads">"manager" or "pool"; null for the install's default.</param>
public sealed record DeactivateUserIntent(string? UserMention, string? Leads) : Intent
{
    public override string Name => "deactivate_user";
}

/// <summary>An admin lets an offboarded colleague back in (/admin reactivate &lt;user&gt;): access, not the leads.</summary>
public sealed record ReactivateUserIntent(string? UserMention) : Intent
{
    public override string Name => "reactivate_user";
}

/// <summary>An admin makes an API key for a partner user (/admin partner key add &lt;user&gt; &lt;scope…&gt;).</summary>
public sealed record AddPartnerKeyIntent(string? UserMention, IReadOnlyList<string> Scopes) : Intent
{
    public override string Name => "add_partner_key";

    // Records compare lists by reference; two commands with the same scopes are the same request.
    public bool Equals(AddPartnerKeyIntent? other) =>
        other is not null && UserMention == other.UserMention && Scopes.SequenceEqual(other.Scopes);

    public override int GetHashCode() => HashCode.Combine(UserMention, Scopes.Count);
}

/// <summary>An admin lists the partner API keys (/admin partner key list).</summary>
public sealed record ListPartnerKeysIntent : Intent
{
    public override string Name => "list_partner_keys";
}

/// <summary>An admin revokes a partner API key by id (/admin partner key revoke &lt;id&gt;).</summary>
public sealed record RevokePartnerKeyIntent(string? KeyId) : Intent
{
    public override string Name => "revoke_partner_key";
}
