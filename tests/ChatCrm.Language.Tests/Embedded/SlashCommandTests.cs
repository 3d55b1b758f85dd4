using ChatCrm.Core.Leads;
using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>Slash commands mean exactly what they say, whatever words follow them.</summary>
public sealed class SlashCommandTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly EmbeddedInterpreter _interpreter = new();

    [Fact]
    public void Link_takes_a_lead_number() =>
        Assert.Equal(new LinkChatIntent("L-20261118-0007"), Interpret("/link L-20261118-0007"));

    [Fact]
    public void Link_takes_a_name() =>
        Assert.Equal(new LinkChatIntent("华为 李经理"), Interpret("/link 华为 李经理"));

    [Fact]
    public void Claim_without_a_lead_claims_the_linked_one() =>
        Assert.Equal(new ClaimLeadIntent(null), Interpret("/claim"));

    [Fact]
    public void Claim_takes_a_lead() =>
        Assert.Equal(new ClaimLeadIntent("Acme"), Interpret("/claim Acme"));

    [Fact]
    public void Return_takes_a_lead_then_a_reason() =>
        Assert.Equal(new ReturnLeadIntent("L-20261118-0001", "客户不需要了"), Interpret("/return L-20261118-0001 客户不需要了"));

    [Fact]
    public void Transfer_takes_the_lead_then_the_user() =>
        Assert.Equal(new TransferLeadIntent("Acme Corp", "Bob"), Interpret("/transfer Acme Corp Bob"));

    [Fact]
    public void Transfer_reads_to_between_lead_and_user() =>
        Assert.Equal(new TransferLeadIntent("Acme", "Bob Lee"), Interpret("/transfer Acme to Bob Lee"));

    [Theory]
    [InlineData("/assign L-20261118-0007 alice")]
    [InlineData("/assign L-20261118-0007 to alice")]
    [InlineData("/offer L-20261118-0007 给 alice")]
    public void Assign_offers_the_lead_to_the_user(string said) =>
        Assert.Equal(new AssignLeadIntent("L-20261118-0007", "alice"), Interpret(said));

    [Fact]
    public void Admin_user_link_and_unlink_read_the_user_the_platform_and_the_account()
    {
        Assert.Equal(new LinkIdentityIntent("carol", "teams", "00000000-0000-0000-0000-0000000000020"), Interpret("/admin user link carol teams 00000000-0000-0000-0000-0000000000020"));
        Assert.Equal(new UnlinkIdentityIntent("carol", "wecom"), Interpret("/admin user unlink carol wecom"));
        Assert.Equal(new LinkIdentityIntent("carol", null, null), Interpret("/admin user link carol"));
        Assert.IsType<UnknownIntent>(Interpret("/admin position 华东销售"));
    }

    [Fact]
    public void Admin_assignment_asks_for_the_health_and_admin_rule_list_for_the_rules()
    {
        Assert.Equal(new AssignmentHealthIntent(), Interpret("/admin assignment"));
        Assert.Equal(new ListAssignmentRulesIntent(), Interpret("/admin rule list"));
        Assert.Equal(new ListAssignmentRulesIntent(), Interpret("/admin rules"));
        Assert.IsType<UnknownIntent>(Interpret("/admin assignment reset"));
    }

    [Theory]
    [InlineData("/decline", null)]
    [InlineData("/decline L-20261118-0007", "L-20261118-0007")]
    public void Decline_turns_down_the_lead_offered(string said, string? lead) =>
        Assert.Equal(new DeclineOfferIntent(lead), Interpret(said));

    [Fact]
    public void Admin_source_commands_read_the_key_and_for_add_the_channel_and_team()
    {
        Assert.Equal(new ListIntakeSourcesIntent(), Interpret("/admin source list"));
        Assert.Equal(new ListIntakeSourcesIntent(), Interpret("/admin source"));
        Assert.Equal(new AddIntakeSourceIntent("douyin", "douyin", "east"), Interpret("/admin source add douyin douyin east"));
        Assert.Equal(new AddIntakeSourceIntent("partner", "partner", null), Interpret("/admin source add partner partner"));
        Assert.Equal(new RotateIntakeSecretIntent("webform"), Interpret("/admin source secret webform"));
        Assert.Equal(new SwitchIntakeSourceIntent("webform", false), Interpret("/admin source off webform"));
        Assert.Equal(new SwitchIntakeSourceIntent("webform", true), Interpret("/admin source ON webform"));
        Assert.IsType<UnknownIntent>(Interpret("/admin source delete webform"));
    }

    [Fact]
    public void Outbox_and_replay_are_the_admins_commands_for_unsent_messages()
    {
        Assert.Equal(new ListDeadLettersIntent(), Interpret("/outbox"));
        Assert.Equal(new ReplayMessageIntent("#0193f2b4"), Interpret("/replay #0193f2b4"));
        Assert.Equal(new ReplayMessageIntent(null), Interpret("/replay"));
    }

    [Theory]
    [InlineData("/stage Acme proposal", "Acme", LeadStage.Proposal)]
    [InlineData("/stage 华为 谈判", "华为", LeadStage.Negotiation)]
    [InlineData("/stage Globex closed won", "Globex", LeadStage.Won)]
    [InlineData("/stage L-20261118-0007 Qualified", "L-20261118-0007", LeadStage.Qualified)]
    public void Stage_takes_the_lead_then_the_stage(string said, string lead, LeadStage stage) =>
        Assert.Equal(new SetStageIntent(lead, stage), Interpret(said));

    [Theory]
    [InlineData("/amount 华为 50万", "华为", 500000, "CNY")]
    [InlineData("/amount Acme $120k", "Acme", 120000, "USD")]
    public void Amount_takes_the_lead_then_the_amount(string said, string lead, decimal amount, string currency) =>
        Assert.Equal(new SetAmountIntent(lead, amount, currency), Interpret(said));

    [Fact]
    public void Remind_takes_when_then_what() =>
        Assert.Equal(new SetReminderIntent(new LocalMoment(new DateOnly(2026, 11, 19), new TimeOnly(15, 0)), "call Bob", "Bob"),
            Interpret("/remind tomorrow 3pm call Bob"));

    [Theory]
    [InlineData("/leads", LeadFilter.Mine)]
    [InlineData("/leads mine", LeadFilter.Mine)]
    [InlineData("/leads stale", LeadFilter.Stale)]
    [InlineData("/leads unclaimed", LeadFilter.Unclaimed)]
    [InlineData("/leads today", LeadFilter.Today)]
    public void Leads_takes_a_filter_defaulting_to_mine(string said, LeadFilter filter) =>
        Assert.Equal(new QueryLeadsIntent(filter), Interpret(said));

    [Fact]
    public void New_reads_name_phone_and_company() =>
        Assert.Equal(new CreateLeadIntent("张三", "+8613800138000", "华为", null, null), Interpret("/new 张三 13800138000 华为"));

    [Fact]
    public void Help_and_undo_are_commands_too()
    {
        Assert.IsType<HelpIntent>(Interpret("/help"));
        Assert.IsType<UndoIntent>(Interpret("/undo"));
    }

    [Fact]
    public void An_unknown_command_is_not_guessed() =>
        Assert.IsType<UnknownIntent>(Interpret("/frobnicate Acme"));

    private Intent Interpret(string said) => _interpreter.Interpret(new Utterance(said, Now)).Intent;
}
