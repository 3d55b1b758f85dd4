namespace ChatCrm.Language.Embedded;

/// <summary>
/// The built-in Chinese/English interpreter: deterministic rules, no services, no I/O. Relative dates
/// resolve against <see cref="Utterance.Now"/> and its offset, never the machine's clock or zone.
/// Thread-safe and allocation-light; one instance can serve every conversation.
/// </summary>
public sealed class EmbeddedInterpreter : IInterpreter
{
    /// <summary>Understands one message.</summary>
    public Understanding Interpret(Utterance utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var said = MentionStripper.Strip(utterance.Text ?? string.Empty);
        var message = new MessageContext(said, utterance.Now);
        if (SlashCommands.IsCommand(message.Text))
        {
            return new Understanding(SlashCommands.Parse(message.Text, utterance.Now), message.Language);
        }

        return new Understanding(Read(message, IntentClassifier.Classify(message)), message.Language);
    }

    /// <inheritdoc />
    public ValueTask<Understanding> InterpretAsync(Utterance utterance, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Interpret(utterance));
    }

    private static Intent Read(MessageContext message, IntentKind kind) => kind switch
    {
        IntentKind.Help => new HelpIntent(),
        IntentKind.Undo => new UndoIntent(),
        IntentKind.SetReminder => ReminderReader.Read(message),
        IntentKind.TransferLead => LeadActionReader.ReadTransfer(message),
        IntentKind.ReturnLead => LeadActionReader.ReadReturn(message),
        IntentKind.ClaimLead => LeadActionReader.ReadClaim(message),
        IntentKind.LinkChat => LeadActionReader.ReadLink(message),
        IntentKind.CreateLead => CreateLeadReader.Read(message),
        IntentKind.SetAmount => DealReader.ReadAmount(message),
        IntentKind.SetStage => DealReader.ReadStage(message),
        IntentKind.QueryLeads => QueryReader.ReadLeads(message),
        IntentKind.QueryReport => QueryReader.ReadReport(message),
        IntentKind.SummarizeLead => SummaryReader.Read(message),
        IntentKind.LogFollowUp => FollowUpReader.Read(message),
        _ => new UnknownIntent(),
    };
}
