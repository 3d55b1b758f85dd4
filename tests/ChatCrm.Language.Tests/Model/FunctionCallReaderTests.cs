using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Language.Model;
using Microsoft.SemanticKernel;

namespace ChatCrm.Language.Tests.Model;

/// <summary>A model's call is read into the embedded interpreter's intent model, and any argument it cannot trust refuses the call.</summary>
public sealed class FunctionCallReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly FunctionCallReader _reader = new();

    [Fact]
    public void A_follow_up_call_keeps_the_typed_text_as_its_summary()
    {
        var intent = Read("log_followup", "王总下周三再聊", ("lead", "王总"), ("channel", "Call"), ("interest", "high"), ("next_at", "2026-11-25"));

        Assert.Equal(new LogFollowUpIntent("王总", ContactChannel.Call, Interest.High, new LocalMoment(new DateOnly(2026, 11, 25), null), "王总下周三再聊"), intent);
    }

    [Theory]
    [InlineData("2026-11-25T15:30", "2026-11-25T15:30")]
    [InlineData("2026-11-25T15:30:00", "2026-11-25T15:30")]
    [InlineData("2026-11-25 15:30", "2026-11-25T15:30")]
    [InlineData("2026-11-25T07:30:00Z", "2026-11-25T15:30")]
    [InlineData("2026-11-25T08:30:00+09:00", "2026-11-25T07:30")]
    public void Dates_are_ISO_strings_read_on_the_senders_clock(string said, string expected)
    {
        var intent = Assert.IsType<SetReminderIntent>(Read("set_reminder", "…", ("at", said)));

        Assert.Equal(expected, intent.At!.ToString());
    }

    [Fact]
    public void Amounts_are_plain_numbers_and_currency_defaults_to_CNY()
    {
        Assert.Equal(new SetAmountIntent("Acme", 500000m, "CNY"), Read("set_amount", "…", ("lead", "Acme"), ("amount", "500,000")));
        Assert.Equal(new SetAmountIntent(null, 120000m, "USD"), Read("set_amount", "…", ("amount", "120000"), ("currency", "usd")));
    }

    [Fact]
    public void A_masked_phone_is_restored_from_the_typed_message_and_normalised()
    {
        var mask = ContactMask.Apply("新客户 李雷 139 1234 5678");

        var reading = _reader.Read("create_lead", Arguments(("name", "李雷"), ("phone", "[phone 1]"), ("stage", "qualified")), new ModelTurn("…", Now, mask));

        Assert.Equal(new CreateLeadIntent("李雷", "+8613912345678", null, null, LeadStage.Qualified), reading.Intent);
    }

    [Theory]
    [InlineData("log_followup", "next_at", "next Wednesday")]
    [InlineData("log_followup", "channel", "telepathy")]
    [InlineData("log_followup", "interest", "2")]
    [InlineData("set_stage", "stage", "closing")]
    [InlineData("set_amount", "amount", "50万")]
    [InlineData("set_amount", "amount", "-5")]
    [InlineData("set_amount", "currency", "EUR")]
    [InlineData("create_lead", "phone", "12")]
    [InlineData("query_leads", "filter", "everything")]
    public void An_argument_that_cannot_be_trusted_refuses_the_whole_call(string function, string slot, string value)
    {
        var reading = _reader.Read(function, Arguments((slot, value)), new ModelTurn("…", Now, ContactMask.None("…")));

        Assert.Null(reading.Intent);
        Assert.Contains(slot, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_that_is_not_declared_is_refused()
    {
        Assert.Equal("unknown function 'drop_table'", _reader.Read("drop_table", [], new ModelTurn("…", Now, ContactMask.None("…"))).Problem);
    }

    [Fact]
    public void Every_declared_function_is_read_and_no_intent_is_offered_twice()
    {
        foreach (var declaration in CrmFunctions.Declarations)
        {
            var reading = _reader.Read(declaration.Name, [], new ModelTurn("…", Now, ContactMask.None("…")));
            Assert.Equal(declaration.Name, reading.Intent?.Name);
        }

        Assert.Equal(CrmFunctions.Declarations.Count, CrmFunctions.Declarations.Select(declaration => declaration.Name).Distinct().Count());
    }

    [Fact]
    public void The_plugin_offers_the_slots_as_string_parameters_with_descriptions()
    {
        var plugin = CrmFunctions.CreatePlugin(_reader);

        var followUp = plugin["log_followup"].Metadata;
        Assert.Equal("crm", plugin.Name);
        Assert.Equal(["lead", "channel", "interest", "next_at"], followUp.Parameters.Select(parameter => parameter.Name));
        Assert.All(followUp.Parameters, parameter => Assert.Equal(typeof(string), parameter.ParameterType));
        Assert.All(plugin, function => Assert.False(string.IsNullOrWhiteSpace(function.Description)));
    }

    private Intent? Read(string function, string text, params (string Name, string Value)[] slots) =>
        _reader.Read(function, Arguments(slots), new ModelTurn(text, Now, ContactMask.None(text))).Intent;

    private static KernelArguments Arguments(params (string Name, string Value)[] slots)
    {
        var arguments = new KernelArguments();
        foreach (var (name, value) in slots)
        {
            arguments[name] = value;
        }

        return arguments;
    }
}
