namespace ChatCrm.Language;

/// <summary>
/// The language model and the embedded interpreter read the same message as two different changes
/// ("log a follow-up" or "set a reminder"?): the bot asks which was meant, one button per reading,
/// and does nothing until one is pressed.
/// </summary>
public sealed record ChooseMeaningIntent(IReadOnlyList<Intent> Readings) : Intent
{
    public override string Name => "choose_meaning";

    /// <summary>The intents that change something; two of these disagreeing is worth a question.</summary>
    public static bool IsChange(Intent intent) => intent is LogFollowUpIntent or CreateLeadIntent or LinkChatIntent
        or ClaimLeadIntent or ReturnLeadIntent or TransferLeadIntent or SetStageIntent or SetAmountIntent or SetReminderIntent;
}
