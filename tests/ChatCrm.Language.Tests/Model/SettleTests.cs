using ChatCrm.Core.FollowUps;
using ChatCrm.Language.Model;

namespace ChatCrm.Language.Tests.Model;

/// <summary>Which reading wins when the model and the embedded rules both read a message.</summary>
public sealed class SettleTests
{
    private static readonly LogFollowUpIntent FollowUp = new("王总", ContactChannel.Call, null, null, "…");
    private static readonly SetReminderIntent Reminder = new(null, "call 王总", null);

    [Fact]
    public void Two_different_changes_ask_the_person()
    {
        var settled = Assert.IsType<ChooseMeaningIntent>(ModelInterpreter.Settle(Reminder, FollowUp));

        Assert.Equal([Reminder, FollowUp], settled.Readings);
    }

    [Fact]
    public void The_model_wins_when_it_agrees_on_the_intent_or_the_rules_read_no_change()
    {
        var richer = FollowUp with { Interest = Interest.High };

        Assert.Equal(richer, ModelInterpreter.Settle(richer, FollowUp));
        Assert.Equal(FollowUp, ModelInterpreter.Settle(FollowUp, new UnknownIntent()));
        Assert.Equal(new QueryLeadsIntent(LeadFilter.Stale), ModelInterpreter.Settle(new QueryLeadsIntent(LeadFilter.Stale), FollowUp));
    }

    [Fact]
    public void A_model_that_did_not_understand_leaves_the_rules_reading()
    {
        Assert.Equal(FollowUp, ModelInterpreter.Settle(new UnknownIntent(), FollowUp));
    }
}
