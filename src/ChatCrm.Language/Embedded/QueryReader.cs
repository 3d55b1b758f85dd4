namespace ChatCrm.Language.Embedded;

/// <summary>Reads questions: which leads to list, and which report to show.</summary>
internal static class QueryReader
{
    public static QueryLeadsIntent ReadLeads(MessageContext message) =>
        new(QueryVocabulary.FindFilter(message.Text) ?? LeadFilter.Mine);

    public static QueryReportIntent ReadReport(MessageContext message) =>
        ReportCommands.Read(message.Text);
}
