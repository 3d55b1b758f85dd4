namespace ChatCrm.Language;

/// <summary>"王总那边最近怎么样", "summarise Acme", /summary [lead]: where a lead stands, from its follow-ups. Null lead: the chat's.</summary>
public sealed record SummarizeLeadIntent(string? LeadMention) : Intent
{
    public override string Name => "summarize_lead";
}
