using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>The admin commands for positions, users, teams, the audit chain, reveals and history.</summary>
public sealed class AccessCommandTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, Intent> Commands() => new()
    {
        { "/admin position list", new ListPositionsIntent() },
        { "/admin positions", new ListPositionsIntent() },
        { "/admin position show sales", new ShowPositionIntent("sales") },
        { "/admin position add east_sales 华东 销售 like sales", new AddPositionIntent("east_sales", "华东 销售", "sales") },
        { "/admin position add temp 临时岗", new AddPositionIntent("temp", "临时岗", null) },
        { "/admin position grant east_sales export team", new GrantPositionIntent("east_sales", "export", "team") },
        { "/admin position revoke east_sales export", new GrantPositionIntent("east_sales", "export", "none") },
        { "/admin position grant admin claim all reason=接手 华南公海", new GrantPositionIntent("admin", "claim", "all", "接手 华南公海") },
        { "/admin user list", new ListUsersIntent() },
        { "/admin user show bob", new ShowUserIntent("bob") },
        { "/admin user add qian 钱 会计 team=east position=finance", new AddUserIntent("qian", "钱 会计", "east", "finance") },
        { "/admin user position bob intern", new ChangeUserIntent("bob", "position", "intern") },
        { "/admin user region zhou east-china", new ChangeUserIntent("zhou", "region", "east-china") },
        { "/admin user grant bob view team", new GrantUserIntent("bob", "view", "team") },
        { "/admin user grant admin view all 原因=年度复核", new GrantUserIntent("admin", "view", "all", "年度复核") },
        { "/admin team list", new ListTeamsIntent() },
        { "/admin team add jiangsu wang region=east-china 江苏组", new AddTeamIntent("jiangsu", "wang", "east-china", "江苏组") },
        { "/admin team manager jiangsu li", new ChangeTeamIntent("jiangsu", "manager", "li") },
        { "/admin audit verify", new VerifyAuditIntent() },
        { "/phone L-20261118-0007", new RevealContactIntent("L-20261118-0007") },
        { "/history 张伟", new LeadHistoryIntent("张伟") },
        { "/admin position frobnicate", new UnknownIntent() },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_admin_command_means_what_it_says(string text, Intent expected) =>
        Assert.Equal(expected, new EmbeddedInterpreter().Interpret(new Utterance(text, Now)).Intent);
}
