using ChatCrm.Channels.Conversation;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;
using ChatCrm.Language;

namespace ChatCrm.Channels.Tests;

/// <summary>High-risk requests survive a button or a pending question (the "why?" they ask), reason and all.</summary>
public sealed class HighRiskPayloadTests
{
    [Theory]
    [MemberData(nameof(Intents))]
    public void A_high_risk_request_written_into_a_payload_reads_back_the_same(Intent intent) =>
        Assert.Equal(intent, IntentPayload.Read(IntentPayload.Write(intent, "zh")));

    public static TheoryData<Intent> Intents() =>
    [
        new DeleteLeadIntent("L-20261118-0007", "客户要求删除"),
        new DeleteLeadIntent("王总", null),
        new ConfirmApprovalIntent("012345"),
        new DecideApprovalIntent("A-20261118-0001", true, null),
        new DecideApprovalIntent("A-20261118-0001", false, "客户还在合作"),
        new ListApprovalsIntent(),
        new ShowRecycleBinIntent(),
        new ExportLeadsIntent(ExportScope.Team, true, null),
        new ExportLeadsIntent(null, false, null),
        new SetAmountIntent("L-20261118-0007", 500000m, "CNY", "客户折扣"),
    ];

    [Fact]
    public void A_bulk_request_keeps_its_leads_and_people()
    {
        var bulk = new BulkChangeIntent(BulkKind.Delete, ["L-20261118-0001", "L-20261118-0002"], null, null, null);

        var read = Assert.IsType<BulkChangeIntent>(IntentPayload.Read(IntentPayload.Write(bulk, "zh")));

        Assert.Equal(bulk.LeadNumbers, read.LeadNumbers);
        Assert.Equal((BulkKind.Delete, null, null, null), (read.Kind!.Value, read.FromUser, read.ToUser, read.Reason));
    }

    [Fact]
    public void A_restore_and_a_purge_keep_their_references()
    {
        var restore = Assert.IsType<RestoreLeadsIntent>(IntentPayload.Read(IntentPayload.Write(new RestoreLeadsIntent(["A-20261118-0001"]), "en")));
        var purge = Assert.IsType<PurgeLeadsIntent>(IntentPayload.Read(IntentPayload.Write(new PurgeLeadsIntent(["L-20261118-0001"], "彻底删除"), "en")));

        Assert.Equal(["A-20261118-0001"], restore.References);
        Assert.Equal(["L-20261118-0001"], purge.LeadNumbers);
        Assert.Equal("彻底删除", purge.Reason);
    }
}
