using Microsoft.SemanticKernel;

namespace ChatCrm.Language.Model;

/// <summary>One argument of a crm function, as the model sees it.</summary>
public sealed record FunctionSlot(string Name, string Description, bool Required = false);

/// <summary>One intent offered to the model as a function: its name is the intent's name.</summary>
public sealed record FunctionDeclaration(string Name, string Description, IReadOnlyList<FunctionSlot> Slots);

/// <summary>
/// The <c>crm</c> plugin: one kernel function per intent of the NLU cases, named as the intent, with
/// its slots as string parameters. Dates, amounts and enums travel as strings because Semantic
/// Kernel cannot convert a string argument to <see cref="DateOnly"/> (it fails, and under
/// auto-invoke hides the error); <see cref="FunctionCallReader"/> validates them instead.
/// The model never invokes a function: calls come back unexecuted, and invoking one here only
/// reads its arguments into an <see cref="Intent"/>.
/// </summary>
public static class CrmFunctions
{
    public const string PluginName = "crm";

    private const string LeadSlot = "The lead as the user referred to it: a person's name (王总, Mr Lee), a company (Acme) or a lead number (L-20261118-0007). Omit when the user means the lead linked to this chat.";

    public static IReadOnlyList<FunctionDeclaration> Declarations { get; } =
    [
        new("log_followup", "Record a contact the user had with a customer (a call, visit, WeChat chat, email or meeting), with how interested the customer is and when to follow up next.",
        [
            new("lead", LeadSlot),
            new("channel", "How they were in contact: call, visit, wechat, email or meeting."),
            new("interest", "How interested the customer is: high, medium or low."),
            new("next_at", "When to follow up next, local time: YYYY-MM-DD, or YYYY-MM-DDTHH:mm when a time was said."),
        ]),
        new("create_lead", "Create a new lead (a potential customer).",
        [
            new("name", "The person's name."),
            new("phone", "The phone number exactly as written in the message (a placeholder such as [phone 1] stays as it is)."),
            new("company", "The company or organisation."),
            new("industry", "The industry, in the user's words."),
            new("stage", "The sales stage: new, contacted, qualified, proposal, negotiation, won or lost."),
        ]),
        new("link_chat", "Link this chat to a lead, so later messages here are about that lead.", [new("lead", "The lead: a name, company or lead number.", Required: true)]),
        new("claim_lead", "The user takes a lead offered or assigned to them.", [new("lead", LeadSlot)]),
        new("return_lead", "The user gives a lead back to the pool.", [new("lead", LeadSlot), new("reason", "Why, in the user's words.")]),
        new("transfer_lead", "Hand a lead over to another salesperson.", [new("lead", LeadSlot), new("to_user", "The colleague who gets it.", Required: true)]),
        new("set_stage", "Move a lead to another sales stage.",
        [
            new("lead", LeadSlot),
            new("stage", "new, contacted, qualified, proposal, negotiation, won or lost.", Required: true),
        ]),
        new("set_amount", "Set a lead's deal amount.",
        [
            new("lead", LeadSlot),
            new("amount", "The amount as a plain number in whole currency units (50万 is 500000, $120k is 120000).", Required: true),
            new("currency", "CNY or USD; CNY unless dollars or USD were said."),
        ]),
        new("set_reminder", "Remind the user of something at a time.",
        [
            new("at", "When, local time: YYYY-MM-DD, or YYYY-MM-DDTHH:mm when a time was said.", Required: true),
            new("text", "What to be reminded of, in the user's words."),
            new("lead", "The lead it is about, when one is named."),
        ]),
        new("summarize_lead", "The user asks where a lead stands: how it is going, the latest news, a summary of its follow-ups.", [new("lead", LeadSlot)]),
        new("query_leads", "List leads.", [new("filter", "mine, stale (no recent follow-up), unclaimed, or today (to follow up today).", Required: true)]),
        new("query_report", "Ask for a sales number or report.", [new("metric", "What is measured, in the user's words."), new("period", "The period, in the user's words.")]),
        new("help", "The user asks what the bot can do or how to use it.", []),
        new("unknown", "The message is none of the above (small talk, or not about sales work).", []),
    ];

    /// <summary>The plugin offered to the model; each function reads its call into an intent through <paramref name="reader"/>.</summary>
    public static KernelPlugin CreatePlugin(FunctionCallReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var functions = Declarations.Select(declaration => KernelFunctionFactory.CreateFromMethod(
            (Kernel kernel, KernelArguments arguments) => reader.Read(declaration.Name, arguments, FunctionCallReader.TurnOf(kernel)),
            new KernelFunctionFromMethodOptions
            {
                FunctionName = declaration.Name,
                Description = declaration.Description,
                Parameters = declaration.Slots.Select(slot => new KernelParameterMetadata(slot.Name)
                {
                    Description = slot.Description,
                    ParameterType = typeof(string),
                    IsRequired = slot.Required,
                }).ToList(),
                ReturnParameter = new KernelReturnParameterMetadata { Description = "The intent the call stands for.", ParameterType = typeof(ModelReading) },
            }));
        return KernelPluginFactory.CreateFromFunctions(PluginName, "What a salesperson can ask ChatCrm to do.", functions);
    }

    public static bool IsDeclared(string? name) => Declarations.Any(declaration => declaration.Name == name);
}

/// <summary>What a model's function call was read as: an intent, or why it could not be used.</summary>
public sealed record ModelReading(Intent? Intent, string? Problem)
{
    public static ModelReading Of(Intent intent) => new(intent, null);

    public static ModelReading Refused(string problem) => new(null, problem);
}
