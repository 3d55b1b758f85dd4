namespace ChatCrm.Core.Assignment;

/// <summary>Why a lead's assignment was handed to a person.</summary>
public enum EscalationReason
{
    /// <summary>No rule names a team and the lead has none (and there is not exactly one team).</summary>
    NoTeam,

    /// <summary>Nobody in the team may take the lead now.</summary>
    NoCandidate,

    /// <summary>The most offers a lead gets were made and none was claimed.</summary>
    OffersExhausted,

    /// <summary>Weighing the candidates took longer than the cap.</summary>
    EvaluationTooSlow,

    /// <summary>Assigning the lead failed with an error (a bug or an outage); its message is kept.</summary>
    EngineError,

    /// <summary>The lead no longer exists (its creation was undone).</summary>
    LeadGone,
}
