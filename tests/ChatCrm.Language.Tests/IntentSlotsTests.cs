using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;

namespace ChatCrm.Language.Tests;

/// <summary>Intents are written with the NLU cases' slot names and values.</summary>
public sealed class IntentSlotsTests
{
    [Fact]
    public void Follow_up_slots_are_lower_case_enum_values_and_a_local_date()
    {
        var intent = new LogFollowUpIntent("王总", ContactChannel.WeChat, Interest.High, new LocalMoment(new DateOnly(2026, 11, 25), null), "…");

        var slots = IntentSlots.ToSlots(intent);

        Assert.Equal("王总", slots["lead"]);
        Assert.Equal("wechat", slots["channel"]);
        Assert.Equal("high", slots["interest"]);
        Assert.Equal("2026-11-25", slots["next_at"]);
    }

    [Fact]
    public void Empty_slots_are_left_out()
    {
        var slots = IntentSlots.ToSlots(new LogFollowUpIntent(null, ContactChannel.Call, null, null, "called"));

        Assert.Equal(["channel"], slots.Keys);
    }

    [Fact]
    public void Amount_is_a_number_with_its_currency()
    {
        var slots = IntentSlots.ToSlots(new SetAmountIntent("华为", 500000m, "CNY"));

        Assert.Equal(500000m, slots["amount"]);
        Assert.Equal("CNY", slots["currency"]);
    }

    [Fact]
    public void Reminder_time_is_written_with_minutes() =>
        Assert.Equal("2026-11-19T09:00", IntentSlots.ToSlots(new SetReminderIntent(new LocalMoment(new DateOnly(2026, 11, 19), new TimeOnly(9, 0)), "x", null))["at"]);

    [Fact]
    public void Create_lead_and_transfer_use_their_own_slot_names()
    {
        var created = IntentSlots.ToSlots(new CreateLeadIntent("张伟", "+8613800138000", "华为", "通信", LeadStage.Qualified));
        var transferred = IntentSlots.ToSlots(new TransferLeadIntent("Acme", "Bob"));

        Assert.Equal(["name", "phone", "company", "industry", "stage"], created.Keys);
        Assert.Equal("qualified", created["stage"]);
        Assert.Equal("Bob", transferred["to_user"]);
    }

    [Fact]
    public void Query_filter_is_lower_case() =>
        Assert.Equal("unclaimed", IntentSlots.ToSlots(new QueryLeadsIntent(LeadFilter.Unclaimed))["filter"]);

    [Fact]
    public void Help_undo_and_unknown_have_no_slots()
    {
        Assert.Empty(IntentSlots.ToSlots(new HelpIntent()));
        Assert.Empty(IntentSlots.ToSlots(new UndoIntent()));
        Assert.Empty(IntentSlots.ToSlots(new UnknownIntent()));
    }
}
