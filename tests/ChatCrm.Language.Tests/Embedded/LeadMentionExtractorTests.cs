using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>Who a message is about, as the person said it.</summary>
public sealed class LeadMentionExtractorTests
{
    [Theory]
    [InlineData("今天下午给王总打了电话", "王总")]
    [InlineData("刚拜访了华为的李经理,聊了交付周期", "李经理")]
    [InlineData("上门拜访了刘女士", "刘女士")]
    [InlineData("约了张先生下周见面", "张先生")]
    [InlineData("和欧阳经理开了个会", "欧阳经理")]
    [InlineData("刚和小米的雷总通了电话", "雷总")]
    [InlineData("微信上跟张伟聊了下", "张伟")]
    [InlineData("和李雷开会", "李雷")]
    [InlineData("跟王芳明天再聊", "王芳")]
    [InlineData("拜访了赵丽颖,她很感兴趣", "赵丽颖")]
    [InlineData("给老王打了个电话", "老王")]
    [InlineData("Called John Smith at Acme", "John Smith")]
    [InlineData("Met with Sarah from Globex today", "Sarah")]
    [InlineData("Emailed the proposal to Mike Chen", "Mike Chen")]
    [InlineData("WeChat chat with Li Na, she asked for pricing", "Li Na")]
    [InlineData("Phone call with David: budget approved!", "David")]
    [InlineData("Visited Initech's office", "Initech")]
    [InlineData("remind me to call Sarah next Monday", "Sarah")]
    [InlineData("认领线索 L-20261118-0003", "L-20261118-0003")]
    [InlineData("Met with the CFO of Stark Industries", "Stark Industries")]
    [InlineData("Called Mr. Li about the renewal", "Mr. Li")]
    [InlineData("给字节打了电话", "字节")]
    [InlineData("David is keen on the pro plan", "David")]
    public void Person_or_lead_is_found_by_title_cue_or_number(string said, string expected) =>
        Assert.Equal(expected, LeadMentionExtractor.FindPerson(said));

    [Theory]
    [InlineData("这个客户很感兴趣")]
    [InlineData("this lead is hot")]
    [InlineData("总部的总结已经发了")]
    [InlineData("她暂时没有需求")]
    public void No_person_is_found_where_none_is_named(string said) =>
        Assert.Null(LeadMentionExtractor.FindPerson(said));

    [Theory]
    [InlineData("这个客户", null)]
    [InlineData("这个线索", null)]
    [InlineData("this lead", null)]
    [InlineData("this customer", null)]
    [InlineData("the Acme lead", "Acme")]
    [InlineData("华为这个客户", "华为")]
    [InlineData("Initech's", "Initech")]
    [InlineData("Acme Corp", "Acme Corp")]
    public void Pointing_at_the_linked_lead_gives_no_mention(string phrase, string? expected) =>
        Assert.Equal(expected, LeadMentionExtractor.Clean(phrase));
}
