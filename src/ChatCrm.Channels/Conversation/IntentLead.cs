using ChatCrm.Language;

namespace ChatCrm.Channels.Conversation;

/// <summary>Reads and replaces the lead an intent refers to, whatever its kind.</summary>
public static class IntentLead
{
    public static Intent WithLead(Intent intent, string lead) => intent switch
    {
        LogFollowUpIntent i => i with { LeadMention = lead },
        LinkChatIntent i => i with { LeadMention = lead },
        ClaimLeadIntent i => i with { LeadMention = lead },
        DeclineOfferIntent i => i with { LeadMention = lead },
        ReturnLeadIntent i => i with { LeadMention = lead },
        TransferLeadIntent i => i with { LeadMention = lead },
        AssignLeadIntent i => i with { LeadMention = lead },
        SetStageIntent i => i with { LeadMention = lead },
        SetAmountIntent i => i with { LeadMention = lead },
        SetReminderIntent i => i with { LeadMention = lead },
        SummarizeLeadIntent i => i with { LeadMention = lead },
        LeadHistoryIntent i => i with { LeadMention = lead },
        RevealContactIntent i => i with { LeadMention = lead },
        _ => intent,
    };
}
