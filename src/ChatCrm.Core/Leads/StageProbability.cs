namespace ChatCrm.Core.Leads;

/// <summary>
/// Each stage's probability of closing, the property reports judge by: won is the stage at 100,
/// lost the one at 0, an opportunity anything from 40 up. Metrics never test stage names, so
/// renaming or adding a stage keeps every number meaning the same.
/// </summary>
public static class StageProbability
{
    public static int Of(LeadStage stage) => stage switch
    {
        LeadStage.New => 10,
        LeadStage.Contacted => 20,
        LeadStage.Qualified => 40,
        LeadStage.Proposal => 60,
        LeadStage.Negotiation => 80,
        LeadStage.Won => 100,
        LeadStage.Lost => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static bool IsWon(LeadStage stage) => Of(stage) == 100;

    public static bool IsLost(LeadStage stage) => Of(stage) == 0;

    public static bool IsClosed(LeadStage stage) => IsWon(stage) || IsLost(stage);

    /// <summary>Qualified or further along, won included: the "opportunity" of lead-to-opportunity.</summary>
    public static bool IsOpportunity(LeadStage stage) => Of(stage) >= 40;
}
