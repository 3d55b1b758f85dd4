namespace ChatCrm.Language.Embedded;

/// <summary>The intents the classifier tells apart, in the order that breaks ties (more specific first).</summary>
internal enum IntentKind
{
    Help,
    Undo,
    SetReminder,
    TransferLead,
    ReturnLead,
    ClaimLead,
    LinkChat,
    CreateLead,
    SetAmount,
    SetStage,
    QueryLeads,
    QueryReport,
    SummarizeLead,
    LogFollowUp,
    Unknown,
}
