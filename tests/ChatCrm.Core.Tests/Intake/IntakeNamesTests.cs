using ChatCrm.Core.Intake;

namespace ChatCrm.Core.Tests.Intake;

public sealed class IntakeNamesTests
{
    [Theory]
    [InlineData("星河科技有限公司", "星河科技")]
    [InlineData("星河科技股份有限公司", "星河科技")]
    [InlineData("星河科技 有限责任公司", "星河科技")]
    [InlineData("ＡＣＭＥ有限公司", "acme")]
    [InlineData("Acme Co., Ltd.", "acme")]
    [InlineData("ACME Limited", "acme")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("Blue Sky GmbH", "bluesky")]
    [InlineData("华为技术(深圳)有限公司", "华为技术深圳")]
    [InlineData("Ltd", "ltd")]
    [InlineData("公司", "公司")]
    [InlineData("  ", "")]
    public void A_company_is_compared_without_width_case_spaces_punctuation_or_legal_form(string company, string key) =>
        Assert.Equal(key, IntakeNames.CompanyKey(company));

    [Theory]
    [InlineData("Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith")]
    [InlineData("  王  建国 ", "王 建国")]
    [InlineData("１３８００１３８０００", "13800138000")]
    public void Full_width_forms_fold_to_ascii_and_spaces_collapse(string text, string folded) =>
        Assert.Equal(folded, IntakeNames.Fold(text));

    [Fact]
    public void Names_compare_without_case_width_or_spaces() =>
        Assert.Equal(IntakeNames.NameKey("Ｌｉ Ｎａ"), IntakeNames.NameKey("li  na"));
}
