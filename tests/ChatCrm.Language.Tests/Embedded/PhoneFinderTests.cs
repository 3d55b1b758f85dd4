using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>Phone numbers in a message are written in E.164; numbers without a country code are Chinese.</summary>
public sealed class PhoneFinderTests
{
    [Theory]
    [InlineData("张伟,13800138000,华为", "+8613800138000")]
    [InlineData("电话 139-1234-5678 公司 字节跳动", "+8613912345678")]
    [InlineData("手机 136 1234 5678", "+8613612345678")]
    [InlineData("电话18600001111,当前阶段", "+8618600001111")]
    [InlineData("John Smith, Acme Corp, +1 415 555 0123, manufacturing", "+14155550123")]
    [InlineData("phone +1 415-555-0199", "+14155550199")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Phone_is_found_and_written_in_e164(string said, string expected) =>
        Assert.Equal(expected, PhoneFinder.Find(said)?.E164);

    [Theory]
    [InlineData("2026-11-18 再联系")]
    [InlineData("/link L-20261118-0007")]
    [InlineData("金额 3.5万")]
    [InlineData("明天上午10点")]
    public void Dates_lead_numbers_and_amounts_are_not_phones(string said) =>
        Assert.Null(PhoneFinder.Find(said));
}
