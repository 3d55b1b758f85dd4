namespace ChatCrm.Core.Access;

/// <summary>
/// A job in the sales organisation (华东销售, 财务, 实习生 …) and what it grants. Every user holds
/// one; a user's own grants may raise or lower single permissions (the permission health report
/// lists those).
/// </summary>
/// <param name="Key">Stable id, lower-case, e.g. "sales_manager".</param>
/// <param name="Name">What people call it, e.g. "销售主管 Sales manager".</param>
public sealed record Position(string Key, string Name, IReadOnlyDictionary<Permission, AccessScope> Grants)
{
    public AccessScope ScopeOf(Permission permission) => Grants.GetValueOrDefault(permission, AccessScope.None);

    public Position With(Permission permission, AccessScope scope)
    {
        var grants = new Dictionary<Permission, AccessScope>(Grants);
        if (scope == AccessScope.None)
        {
            grants.Remove(permission);
        }
        else
        {
            grants[permission] = scope;
        }

        return this with { Grants = grants };
    }

    /// <summary>The grants as one line, e.g. "view:team edit:team claim:team", in permission order.</summary>
    public string Describe() => DescribeGrants(Grants);

    public static string DescribeGrants(IReadOnlyDictionary<Permission, AccessScope> grants) =>
        string.Join(' ', grants.Where(grant => grant.Value != AccessScope.None).OrderBy(grant => grant.Key)
            .Select(grant => $"{PermissionNames.Of(grant.Key)}:{PermissionNames.Of(grant.Value)}"));
}
