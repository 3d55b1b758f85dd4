using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>The commands of high-risk operations: lead numbers first, then known words, the rest is the reason.</summary>
public sealed class HighRiskCommandTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly EmbeddedInterpreter _interpreter = new();

    [Fact]
    public void Delete_takes_a_lead_then_the_reason() =>
        Assert.Equal(new DeleteLeadIntent("L-20261118-0007", "客户要求删除"), Interpret("/delete L-20261118-0007 客户要求删除"));

    [Fact]
    public void Confirm_takes_the_code() =>
        Assert.Equal(new ConfirmApprovalIntent("123456"), Interpret("/confirm 123456"));

    [Theory]
    [InlineData("/approve A-20261118-0001", true, null)]
    [InlineData("/reject A-20261118-0001 客户还在合作", false, "客户还在合作")]
    public void Approve_and_reject_take_the_request_and_a_reason(string text, bool approve, string? reason) =>
        Assert.Equal(new DecideApprovalIntent("A-20261118-0001", approve, reason), Interpret(text));

    [Fact]
    public void Bulk_transfer_takes_from_to_and_a_reason()
    {
        var bulk = Assert.IsType<BulkChangeIntent>(Interpret("/bulk transfer alice bob alice 调岗"));

        Assert.Equal((BulkKind.Transfer, "alice", "bob", "alice 调岗"), (bulk.Kind!.Value, bulk.FromUser, bulk.ToUser, bulk.Reason));
    }

    [Fact]
    public void Bulk_delete_takes_lead_numbers_then_the_reason()
    {
        var bulk = Assert.IsType<BulkChangeIntent>(Interpret("/bulk delete L-20261118-0001 l-20261118-0002 重复录入"));

        Assert.Equal(["L-20261118-0001", "L-20261118-0002"], bulk.LeadNumbers);
        Assert.Equal((BulkKind.Delete, null, "重复录入"), (bulk.Kind!.Value, bulk.FromUser, bulk.Reason));
    }

    [Fact]
    public void Bulk_without_a_known_kind_has_none() =>
        Assert.Null(Assert.IsType<BulkChangeIntent>(Interpret("/bulk nuke everything")).Kind);

    [Theory]
    [InlineData("/export", null, false, null)]
    [InlineData("/export team", ExportScope.Team, false, null)]
    [InlineData("/export mine phones 客户回访", ExportScope.Mine, true, "客户回访")]
    public void Export_reads_scope_phones_and_reason(string text, ExportScope? scope, bool phones, string? reason) =>
        Assert.Equal(new ExportLeadsIntent(scope, phones, reason), Interpret(text));

    [Fact]
    public void Admin_restore_takes_numbers_or_a_request() =>
        Assert.Equal(["A-20261118-0001"], Assert.IsType<RestoreLeadsIntent>(Interpret("/admin restore A-20261118-0001")).References);

    [Fact]
    public void Admin_purge_takes_numbers_then_the_reason()
    {
        var purge = Assert.IsType<PurgeLeadsIntent>(Interpret("/admin purge L-20261118-0001 客户要求彻底删除"));

        Assert.Equal(["L-20261118-0001"], purge.LeadNumbers);
        Assert.Equal("客户要求彻底删除", purge.Reason);
    }

    [Fact]
    public void Amount_keeps_what_follows_as_the_reason() =>
        Assert.Equal("客户折扣", Assert.IsType<SetAmountIntent>(Interpret("/amount L-20261118-0001 50万 客户折扣")).Reason);

    private Intent Interpret(string text) => _interpreter.InterpretAsync(new Utterance(text, Now), default).GetAwaiter().GetResult().Intent;
}
