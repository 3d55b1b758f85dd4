namespace ChatCrm.Core.Access;

/// <summary>
/// The positions a new install starts with. They hold until an admin changes one with
/// <c>/admin position …</c>, which stores it; a stored position always wins over its default.
/// </summary>
public static class DefaultPositions
{
    public const string Sales = "sales";
    public const string SalesManager = "sales_manager";
    public const string RegionalManager = "regional_manager";
    public const string Finance = "finance";
    public const string Intern = "intern";
    public const string Admin = "admin";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<Position> All =
    [
        new(Sales, "销售 Salesperson", Grants(
            (Permission.View, AccessScope.Own), (Permission.Edit, AccessScope.Own), (Permission.Claim, AccessScope.Team),
            (Permission.Transfer, AccessScope.Own), (Permission.ViewFullPhone, AccessScope.Own), (Permission.ViewReports, AccessScope.Own))),
        new(SalesManager, "销售主管 Sales manager", Grants(
            (Permission.View, AccessScope.Team), (Permission.Edit, AccessScope.Team), (Permission.Claim, AccessScope.Team),
            (Permission.Transfer, AccessScope.Team), (Permission.Delete, AccessScope.Team), (Permission.Export, AccessScope.Team),
            (Permission.ViewFullPhone, AccessScope.Team), (Permission.EditSignedAmount, AccessScope.Team), (Permission.ViewReports, AccessScope.Team))),
        new(RegionalManager, "区域经理 Regional manager", Grants(
            (Permission.View, AccessScope.Region), (Permission.Edit, AccessScope.Region), (Permission.Transfer, AccessScope.Region),
            (Permission.Delete, AccessScope.Region), (Permission.Export, AccessScope.Region), (Permission.ViewFullPhone, AccessScope.Region),
            (Permission.EditSignedAmount, AccessScope.Region), (Permission.ViewReports, AccessScope.Region))),
        // Finance reads everything and corrects signed amounts, but never moves a stage.
        new(Finance, "财务 Finance", Grants(
            (Permission.View, AccessScope.All), (Permission.EditSignedAmount, AccessScope.All), (Permission.ViewReports, AccessScope.All))),
        // An intern works only what they create or are handed: no pool, no delete, no export, no full phones.
        new(Intern, "实习生 Intern", Grants((Permission.View, AccessScope.Own), (Permission.Edit, AccessScope.Own), (Permission.Claim, AccessScope.Own))),
        new(Admin, "管理员 Admin", Grants(
            [.. Enum.GetValues<Permission>().Where(permission => permission != Permission.Claim).Select(permission => (permission, AccessScope.All))])),
        // Partners work through scoped API keys, never the chat.
        new(Partner, "外部服务商 Partner", Grants()),
    ];

    /// <summary>The position of a user who was never given one: from the role they were created with.</summary>
    public static string For(Role role) => role switch
    {
        Role.Admin => Admin,
        Role.Manager => SalesManager,
        _ => Sales,
    };

    public static Position? Find(string key) => All.FirstOrDefault(position => position.Key == key);

    private static Dictionary<Permission, AccessScope> Grants(params (Permission Permission, AccessScope Scope)[] grants) =>
        grants.ToDictionary(grant => grant.Permission, grant => grant.Scope);
}
