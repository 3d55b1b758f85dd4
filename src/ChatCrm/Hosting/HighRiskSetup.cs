using ChatCrm.Core.Access;
using ChatCrm.Core.Approvals;
using ChatCrm.Core.Bulk;
using ChatCrm.Core.Exports;
using ChatCrm.Core.Leads;
using ChatCrm.Core.RecycleBin;
using ChatCrm.Exports;

namespace ChatCrm.Hosting;

public static class HighRiskSetup
{
    public const string ExpiryJob = "approval-expiry";
    public const string PurgeJob = "recycle-bin-purge";

    /// <summary>
    /// High-risk operations: approval requests and the operations they run (each an
    /// <see cref="IApprovedOperation"/>; register a new kind the same way), the recycle bin, bulk
    /// changes, signed amounts and exports with their one-time links, and the two jobs that
    /// expire undecided requests and purge the bin.
    /// </summary>
    public static IHostApplicationBuilder AddHighRiskOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        AddOperation<DeleteLeadsOperation>(services);
        AddOperation<PurgeLeadsOperation>(services);
        AddOperation<BulkTransferOperation>(services);
        AddOperation<BulkReturnOperation>(services);
        AddOperation<SignedAmountOperation>(services);
        AddOperation<PhoneExportOperation>(services);
        AddOperation<OwnPermissionsOperation>(services);
        services.AddSingleton<ConfirmApproval>();
        services.AddSingleton<DecideApproval>();
        services.AddSingleton<ListPendingApprovals>();
        services.AddSingleton<DeleteLead>();
        services.AddSingleton<ShowRecycleBin>();
        services.AddSingleton<RestoreLeads>();
        services.AddSingleton<PurgeLead>();
        services.AddSingleton<BulkChange>();
        services.AddSingleton<SetDealAmount>();
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<IExportLinks>(provider => provider.GetRequiredService<ExportLinks>());
        services.AddSingleton<RequestExport>();
        services.AddSingleton<TakeExport>();
        services.AddScheduledJob<ExpireApprovals>(ExpiryJob, "0 0/5 * * * ?",
            "Expires approval requests nobody confirmed or decided within 24 hours (nothing runs) and tells the requester.");
        services.AddScheduledJob<PurgeRecycleBin>(PurgeJob, "0 45 3 * * ?",
            "Purges leads that have been in the recycle bin for more than 30 days.");
        services.AddScheduledJob<ReviewPermissions>("permission-health", "0 0 9 1 * ?",
            "Sends admins the monthly permission health report: grants beyond a position, high privileges unused for 90 days, accounts idle for 30 days, the month's exports.");
        return builder;
    }

    private static void AddOperation<TOperation>(IServiceCollection services)
        where TOperation : class, IApprovedOperation
    {
        services.AddSingleton<TOperation>();
        services.AddSingleton<IApprovedOperation>(provider => provider.GetRequiredService<TOperation>());
    }
}
