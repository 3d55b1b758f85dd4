namespace ChatCrm.Core.Leads;

/// <summary>Where a lead stands in the sales funnel, in funnel order.</summary>
public enum LeadStage
{
    New,
    Contacted,
    Qualified,
    Proposal,
    Negotiation,
    Won,
    Lost,
}
