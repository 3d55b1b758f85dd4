namespace ChatCrm.Core.Access;

/// <summary>How permissions and scopes are written in admin commands, in English or Chinese.</summary>
public static class PermissionNames
{
    private static readonly Dictionary<string, Permission> Permissions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["view"] = Permission.View, ["查看"] = Permission.View,
        ["edit"] = Permission.Edit, ["编辑"] = Permission.Edit,
        ["claim"] = Permission.Claim, ["认领"] = Permission.Claim,
        ["transfer"] = Permission.Transfer, ["转移"] = Permission.Transfer,
        ["delete"] = Permission.Delete, ["删除"] = Permission.Delete,
        ["export"] = Permission.Export, ["导出"] = Permission.Export,
        ["phone"] = Permission.ViewFullPhone, ["full_phone"] = Permission.ViewFullPhone, ["view_full_phone"] = Permission.ViewFullPhone, ["完整号码"] = Permission.ViewFullPhone,
        ["signed_amount"] = Permission.EditSignedAmount, ["edit_signed_amount"] = Permission.EditSignedAmount, ["签约金额"] = Permission.EditSignedAmount,
        ["reports"] = Permission.ViewReports, ["view_reports"] = Permission.ViewReports, ["报表"] = Permission.ViewReports,
        ["admin"] = Permission.Admin, ["管理"] = Permission.Admin,
    };

    private static readonly Dictionary<string, AccessScope> Scopes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = AccessScope.None, ["无"] = AccessScope.None, ["off"] = AccessScope.None,
        ["own"] = AccessScope.Own, ["本人"] = AccessScope.Own,
        ["team"] = AccessScope.Team, ["本团队"] = AccessScope.Team, ["团队"] = AccessScope.Team,
        ["region"] = AccessScope.Region, ["本区域"] = AccessScope.Region, ["区域"] = AccessScope.Region,
        ["all"] = AccessScope.All, ["全部"] = AccessScope.All,
    };

    public static Permission? ParsePermission(string? word) =>
        word is not null && Permissions.TryGetValue(word.Trim(), out var permission) ? permission : null;

    public static AccessScope? ParseScope(string? word) =>
        word is not null && Scopes.TryGetValue(word.Trim(), out var scope) ? scope : null;

    public static string Of(Permission permission) => permission switch
    {
        Permission.ViewFullPhone => "phone",
        Permission.EditSignedAmount => "signed_amount",
        Permission.ViewReports => "reports",
        _ => permission.ToString().ToLowerInvariant(),
    };

    public static string Of(AccessScope scope) => scope.ToString().ToLowerInvariant();
}
