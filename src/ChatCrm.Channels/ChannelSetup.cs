using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.Rendering;
using ChatCrm.Channels.WebChat;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Channels;

public static class ChannelSetup
{
    /// <summary>The conversation pipeline every channel feeds, with the embedded interpreter.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<EmbeddedInterpreter>();
        services.AddSingleton<IInterpreter>(provider => provider.GetRequiredService<EmbeddedInterpreter>());
        services.AddSingleton<IAnswerReader, EmbeddedAnswerReader>();
        services.TryAddSingleton<ILeadSummaryWriter, NoLeadSummaries>();
        services.AddSingleton<ReplyWriter>();
        services.AddSingleton<AssignmentReplies>();
        services.AddSingleton<IntakeSourceReplies>();
        services.AddSingleton<NoticeWriter>();
        services.AddSingleton<IntentActions>();
        services.AddSingleton<PendingQuestions>();
        services.AddSingleton<ConversationPipeline>();
        services.AddSingleton<WebChatInbox>();
        services.AddSingleton<NoticeRouting>();
        services.AddSingleton<Inbound.InboundSignal>();
        services.AddSingleton<ReminderReplies>();
        services.AddSingleton<QuietHoursReplies>();
        services.AddSingleton<DisciplineReplies>();
        services.AddSingleton<JobReplies>();
        services.AddSingleton<AccessReplies>();
        services.AddSingleton<AuditReplies>();
        services.AddSingleton<ApprovalCards>();
        services.AddSingleton<HighRiskReplies>();
        services.AddSingleton<OffboardingReplies>();
        services.AddSingleton<OffboardingActions>();
        services.AddSingleton<ReportReplies>();
        services.AddSingleton<SummaryReplies>();
        return services;
    }
}
