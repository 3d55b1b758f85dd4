namespace ChatCrm.Language;

/// <summary>
/// Writes an <see cref="Intent"/> as the NLU cases' slots: lead, channel, interest, next_at, name, phone,
/// company, industry, stage, to_user, reason, amount, currency, at, text, filter, metric, period. Enum values
/// are lower-case ("call", "wechat", "high", "qualified"), moments are <see cref="LocalMoment"/> text,
/// phones are E.164, amounts are numbers. Slots with no value are left out.
/// </summary>
public static class IntentSlots
{
    public static IReadOnlyDictionary<string, object?> ToSlots(Intent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var slots = new Dictionary<string, object?>(4, StringComparer.Ordinal);
        switch (intent)
        {
            case LogFollowUpIntent followUp:
                Add(slots, "lead", followUp.LeadMention);
                Add(slots, "channel", Lower(followUp.Channel));
                Add(slots, "interest", Lower(followUp.Interest));
                Add(slots, "next_at", followUp.NextAt?.ToString());
                break;
            case CreateLeadIntent create:
                Add(slots, "name", create.LeadName);
                Add(slots, "phone", create.Phone);
                Add(slots, "company", create.Company);
                Add(slots, "industry", create.Industry);
                Add(slots, "stage", Lower(create.Stage));
                break;
            case LinkChatIntent link:
                Add(slots, "lead", link.LeadMention);
                break;
            case ClaimLeadIntent claim:
                Add(slots, "lead", claim.LeadMention);
                break;
            case ReturnLeadIntent giveBack:
                Add(slots, "lead", giveBack.LeadMention);
                Add(slots, "reason", giveBack.Reason);
                break;
            case TransferLeadIntent transfer:
                Add(slots, "lead", transfer.LeadMention);
                Add(slots, "to_user", transfer.ToUser);
                break;
            case AssignLeadIntent assign:
                Add(slots, "lead", assign.LeadMention);
                Add(slots, "to_user", assign.ToUser);
                break;
            case SetStageIntent stage:
                Add(slots, "lead", stage.LeadMention);
                Add(slots, "stage", Lower(stage.Stage));
                break;
            case SetAmountIntent amount:
                Add(slots, "lead", amount.LeadMention);
                if (amount.Amount is { } value)
                {
                    slots["amount"] = value;
                }

                Add(slots, "currency", amount.Currency);
                break;
            case SetReminderIntent reminder:
                Add(slots, "at", reminder.At?.ToString());
                Add(slots, "text", reminder.Text);
                Add(slots, "lead", reminder.LeadMention);
                break;
            case QueryLeadsIntent query:
                Add(slots, "filter", query.Filter.ToString().ToLowerInvariant());
                break;
            case SummarizeLeadIntent summary:
                Add(slots, "lead", summary.LeadMention);
                break;
            case QueryReportIntent report:
                Add(slots, "metric", report.Metric);
                Add(slots, "period", report.Period);
                break;
        }

        return slots;
    }

    private static string? Lower<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value?.ToString().ToLowerInvariant();

    private static void Add(Dictionary<string, object?> slots, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            slots[name] = value;
        }
    }
}
