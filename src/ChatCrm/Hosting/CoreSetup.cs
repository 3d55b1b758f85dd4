using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Contacts;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Preferences;
using ChatCrm.Core.Reminders;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class CoreSetup
{
    /// <summary>The core's use cases, its settings and the clock.</summary>
    public static IHostApplicationBuilder AddChatCrmCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>().BindConfiguration(CrmOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), $"{CrmOptions.Section}:TimeZone is not a known time zone id (use an IANA id such as Asia/Shanghai).")
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<CrmOptions>>().Value;
            return new CrmSettings(CrmSettings.ResolveZone(options.TimeZone), TimeSpan.FromDays(options.StaleAfterDays), TimeSpan.FromMinutes(options.UndoWindowMinutes));
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CreateLead>();
        builder.Services.AddSingleton<LinkChat>();
        builder.Services.AddSingleton<LogFollowUp>();
        builder.Services.AddSingleton<ClaimLead>();
        builder.Services.AddSingleton<ReturnLead>();
        builder.Services.AddSingleton<TransferLead>();
        builder.Services.AddSingleton<OfferLead>();
        builder.Services.AddSingleton<ChangeStage>();
        builder.Services.AddSingleton<ChangeAmount>();
        builder.Services.AddSingleton<SetReminder>();
        builder.Services.AddSingleton<DeliverDueReminders>();
        builder.Services.AddSingleton<UndoChange>();
        builder.Services.AddSingleton<ListLeads>();
        builder.Services.AddSingleton<ShowLead>();
        builder.Services.AddSingleton<TakeUndelivered>();
        builder.Services.AddSingleton<QueueDelivery>();
        builder.Services.AddSingleton<DispatchOutbox>();
        builder.Services.AddSingleton<RouteNotices>();
        builder.Services.AddSingleton<ReviewDeadLetters>();
        builder.Services.AddSingleton<RaiseIntegrationAlert>();
        builder.Services.AddSingleton<LinkIdentity>();
        builder.Services.AddSingleton<ManageAccess>();
        builder.Services.AddSingleton<RevealContact>();
        builder.Services.AddSingleton<ShowLeadHistory>();
        builder.Services.AddSingleton<BriefLead>();
        builder.Services.AddSingleton<VerifyAuditChain>();
        builder.Services.AddSingleton<RecordSignIn>();
        builder.Services.AddSingleton<InboundQueue>();
        builder.Services.AddSingleton<TakeExternalContact>();
        builder.Services.AddSingleton<RememberPersonalChannel>();
        builder.Services.AddSingleton<CompleteReminder>();
        builder.Services.AddSingleton<SnoozeReminder>();
        builder.Services.AddSingleton<ListReminders>();
        builder.Services.AddSingleton<ManageQuietHours>();
        return builder;
    }
}
