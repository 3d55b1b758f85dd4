using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>Money said in a message becomes whole currency units, in yuan unless dollars are said.</summary>
public sealed class AmountGrammarTests
{
    [Theory]
    [InlineData("金额改成50万", 500000, "CNY")]
    [InlineData("商机金额 3.5万", 35000, "CNY")]
    [InlineData("预计五十万", 500000, "CNY")]
    [InlineData("一百万", 1000000, "CNY")]
    [InlineData("一万五千元", 15000, "CNY")]
    [InlineData("一万五", 15000, "CNY")]
    [InlineData("120万元", 1200000, "CNY")]
    [InlineData("¥8000", 8000, "CNY")]
    [InlineData("50w", 500000, "CNY")]
    [InlineData("Acme deal is worth $120k", 120000, "USD")]
    [InlineData("worth 1.2m", 1200000, "CNY")]
    [InlineData("$1.5 million", 1500000, "USD")]
    [InlineData("amount 120,000", 120000, "CNY")]
    [InlineData("250,000 USD", 250000, "USD")]
    [InlineData("80万美元", 800000, "USD")]
    [InlineData("30万美金", 300000, "USD")]
    [InlineData("5000 dollars", 5000, "USD")]
    public void Amount_is_read_in_whole_units_with_its_currency(string said, decimal amount, string currency)
    {
        var found = AmountGrammar.FindDealAmount(said);

        Assert.NotNull(found);
        Assert.Equal(amount, found.Value.Value);
        Assert.Equal(currency, found.Value.Currency);
    }

    [Theory]
    [InlineData("12月3号再联系")]
    [InlineData("明天10点")]
    [InlineData("电话13800138000")]
    [InlineData("L-20261118-0007")]
    [InlineData("千万别忘了")]
    public void Dates_times_phones_and_lead_numbers_are_not_money(string said) =>
        Assert.Null(AmountGrammar.FindDealAmount(said));

    [Fact]
    public void Amount_has_no_trailing_zeros_from_its_decimal_point() =>
        Assert.Equal("35000", AmountGrammar.FindDealAmount("3.5万")!.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
