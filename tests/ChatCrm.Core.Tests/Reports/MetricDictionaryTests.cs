using ChatCrm.Core.Leads;
using ChatCrm.Core.Reports;

namespace ChatCrm.Core.Tests.Reports;

public sealed class MetricDictionaryTests
{
    [Theory]
    [InlineData("上个月赢单率", "win_rate")]
    [InlineData("本月赢单", "won_deals")]
    [InlineData("pipeline by stage this month", "pipeline_by_stage")]
    [InlineData("本周销售漏斗", "pipeline_by_stage")]
    [InlineData("how many new leads this week?", "new_leads")]
    [InlineData("销售周期多长", "sales_cycle")]
    [InlineData("lead-to-opportunity", "lead_to_opportunity")]
    public void A_word_names_one_metric(string said, string id)
    {
        Assert.Equal([id], MetricDictionary.Named(said).Select(metric => metric.Id));
    }

    [Theory]
    [InlineData("本周东区转化率")]
    [InlineData("what's our conversion rate?")]
    public void Conversion_names_two_metrics_and_is_asked_about(string said)
    {
        Assert.Equal(["lead_to_opportunity", "win_rate"], MetricDictionary.Named(said).Select(metric => metric.Id));
    }

    [Fact]
    public void Every_metric_has_both_names_a_version_and_a_definition_line()
    {
        Assert.True(MetricDictionary.All.Count >= 11);
        Assert.Equal(MetricDictionary.All.Count, MetricDictionary.All.Select(metric => metric.Id).Distinct().Count());
        Assert.All(MetricDictionary.All, metric =>
        {
            Assert.False(string.IsNullOrWhiteSpace(metric.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(metric.NameEn));
            Assert.True(metric.Version >= 1);
            Assert.StartsWith($"{metric.Id} v{metric.Version}: ", metric.DefinitionLine("en"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Won_and_lost_are_the_stages_at_100_and_0()
    {
        Assert.Equal([LeadStage.Won], Enum.GetValues<LeadStage>().Where(StageProbability.IsWon));
        Assert.Equal([LeadStage.Lost], Enum.GetValues<LeadStage>().Where(StageProbability.IsLost));
        Assert.Equal([LeadStage.Qualified, LeadStage.Proposal, LeadStage.Negotiation, LeadStage.Won], Enum.GetValues<LeadStage>().Where(StageProbability.IsOpportunity));
    }
}
