using System.Globalization;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using Microsoft.SemanticKernel;

namespace ChatCrm.Language.Model;

/// <summary>The message a model call answers: what was typed, when, and what was masked before sending.</summary>
public sealed record ModelTurn(string Text, DateTimeOffset Now, ContactMask Mask);

/// <summary>
/// Reads a model's function call into the same intent model the embedded interpreter produces, and
/// trusts nothing in it: enums must be one of their names, dates ISO 8601 local dates, phones valid
/// under libphonenumber, amounts plain non-negative numbers. One bad argument refuses the whole call,
/// and the embedded interpreter answers instead.
/// </summary>
public sealed class FunctionCallReader
{
    /// <summary>Where the turn rides in <see cref="Kernel.Data"/> while a call is read.</summary>
    public const string TurnKey = "chatcrm.turn";

    /// <summary>Longer free text is not a slot value but a model running on.</summary>
    public const int MaxSlotLength = 200;

    public static ModelTurn TurnOf(Kernel kernel) =>
        kernel.Data.TryGetValue(TurnKey, out var turn) && turn is ModelTurn modelTurn
            ? modelTurn
            : throw new InvalidOperationException($"A crm function was invoked without a turn in Kernel.Data[\"{TurnKey}\"].");

    public ModelReading Read(string function, KernelArguments arguments, ModelTurn turn)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(turn);
        var slots = new Slots(arguments, turn);
        try
        {
            Intent intent = function switch
            {
                "log_followup" => new LogFollowUpIntent(
                    slots.Text("lead"), slots.Choice<ContactChannel>("channel"), slots.Choice<Interest>("interest"), slots.Moment("next_at"), turn.Text),
                "create_lead" => new CreateLeadIntent(
                    slots.Text("name"), slots.Phone("phone"), slots.Text("company"), slots.Text("industry"), slots.Choice<LeadStage>("stage")),
                "link_chat" => new LinkChatIntent(slots.Text("lead")),
                "claim_lead" => new ClaimLeadIntent(slots.Text("lead")),
                "return_lead" => new ReturnLeadIntent(slots.Text("lead"), slots.Text("reason")),
                "transfer_lead" => new TransferLeadIntent(slots.Text("lead"), slots.Text("to_user")),
                "set_stage" => new SetStageIntent(slots.Text("lead"), slots.Choice<LeadStage>("stage")),
                "set_amount" => new SetAmountIntent(slots.Text("lead"), slots.Amount("amount"), slots.Currency("currency")),
                "set_reminder" => new SetReminderIntent(slots.Moment("at"), slots.Text("text"), slots.Text("lead")),
                "summarize_lead" => new SummarizeLeadIntent(slots.Text("lead")),
                "query_leads" => new QueryLeadsIntent(slots.Choice<LeadFilter>("filter") ?? LeadFilter.Mine),
                "query_report" => new QueryReportIntent(slots.Text("metric"), slots.Text("period")),
                "help" => new HelpIntent(),
                "unknown" => new UnknownIntent(),
                _ => throw new BadArgument($"unknown function '{function}'"),
            };
            return ModelReading.Of(intent);
        }
        catch (BadArgument problem)
        {
            return ModelReading.Refused(problem.Message);
        }
    }

    private sealed class BadArgument(string message) : Exception(message);

    private readonly struct Slots(KernelArguments arguments, ModelTurn turn)
    {
        public string? Text(string name)
        {
            if (!arguments.TryGetValue(name, out var raw) || raw is null)
            {
                return null;
            }

            var text = Convert.ToString(raw, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text) || text is "null" or "none")
            {
                return null;
            }

            return text.Length > MaxSlotLength ? throw new BadArgument($"{name} is {text.Length} characters long") : turn.Mask.Restore(text);
        }

        public T? Choice<T>(string name)
            where T : struct, Enum =>
            Text(name) is not { } text ? null
            : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]) ? value
            : throw new BadArgument($"{name} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}");

        public string? Phone(string name) =>
            Text(name) is not { } text ? null
            : Core.Personal.Phone.TryParse(text)?.E164 ?? throw new BadArgument($"{name} is not a phone number");

        public decimal? Amount(string name) =>
            Text(name) is not { } text ? null
            : decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0
                ? decimal.Round(amount, 2)
                : throw new BadArgument($"{name} '{text}' is not a plain non-negative number");

        public string Currency(string name) =>
            Text(name)?.ToUpperInvariant() switch
            {
                null or "CNY" or "RMB" => "CNY",
                "USD" => "USD",
                var other => throw new BadArgument($"{name} '{other}' is neither CNY nor USD"),
            };

        /// <summary>"2026-11-25" or "2026-11-25T10:00"; a time with an offset is moved to the sender's.</summary>
        public LocalMoment? Moment(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new LocalMoment(day, null);
            }

            string[] localForms = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
            if (DateTime.TryParseExact(text, localForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return new LocalMoment(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local) is var time ? new TimeOnly(time.Hour, time.Minute) : null);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && text.Contains('T', StringComparison.Ordinal))
            {
                var there = moment.ToOffset(turn.Now.Offset);
                return new LocalMoment(DateOnly.FromDateTime(there.DateTime), new TimeOnly(there.Hour, there.Minute));
            }

            throw new BadArgument($"{name} '{text}' is not an ISO 8601 date");
        }
    }
}
