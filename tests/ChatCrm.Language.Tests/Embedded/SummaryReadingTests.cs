using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>A question about where a lead stands is read as summarize_lead with its lead; follow-up logs and small talk are not.</summary>
public sealed class SummaryReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("王总那边最近怎么样", "王总")]
    [InlineData("Acme 进展如何", "Acme")]
    [InlineData("王总最近情况怎么样", "王总")]
    [InlineData("说说王总的情况", "王总")]
    [InlineData("总结一下华为", "华为")]
    [InlineData("L-20261118-0007 怎么样了", "L-20261118-0007")]
    [InlineData("summarise Acme", "Acme")]
    [InlineData("summarize Acme", "Acme")]
    [InlineData("how is the Acme deal going?", "Acme")]
    [InlineData("what's the latest on Wang", "Wang")]
    [InlineData("any news on Acme?", "Acme")]
    [InlineData("catch me up on Acme", "Acme")]
    [InlineData("/summary 张伟", "张伟")]
    public void A_question_about_a_lead_is_a_summary_request(string text, string lead)
    {
        var intent = new EmbeddedInterpreter().Interpret(new Utterance(text, Now)).Intent;

        Assert.Equal(new SummarizeLeadIntent(lead), intent);
    }

    [Theory]
    [InlineData("今天给王总打电话了,进展顺利", "log_followup")]
    [InlineData("今天天气怎么样", "unknown")]
    [InlineData("我的线索", "query_leads")]
    [InlineData("本月销售漏斗", "query_report")]
    public void Other_messages_keep_their_meaning(string text, string intent)
    {
        Assert.Equal(intent, new EmbeddedInterpreter().Interpret(new Utterance(text, Now)).Intent.Name);
    }
}
