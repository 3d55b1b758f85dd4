using ChatCrm.Core.Intake;
using static ChatCrm.Core.Tests.Intake.IntakeWorld;

namespace ChatCrm.Core.Tests.Intake;

public sealed class IntakeFormTests
{
    private static readonly IntakeSource Douyin = IntakeSource.Create(
        "douyin", "douyin", "secret-0123456789abcdef",
        new Dictionary<string, IntakeField> { ["姓名"] = IntakeField.Name, ["手机"] = IntakeField.Phone, ["Mobile"] = IntakeField.Phone },
        [], null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_sources_own_names_fill_lead_fields_and_standard_names_work_too()
    {
        var lead = IntakeForm.Read(Douyin, Fields(("姓名", "王强"), ("手机", "13900139000"), ("company", "星河"), ("city", "杭州"), ("unknown", "x"))).Lead!;

        Assert.Equal(("王强", "+8613900139000", "星河", "杭州"), (lead.Name, lead.Phone!.E164, lead.Company, lead.Region));
    }

    [Fact]
    public void A_mapped_name_wins_over_a_standard_one_and_field_names_ignore_case()
    {
        var lead = IntakeForm.Read(Douyin, Fields(("phone", "13800138000"), ("mobile", "13900139000"), ("姓名", "王强"))).Lead!;

        Assert.Equal("+8613900139000", lead.Phone!.E164);
    }

    [Fact]
    public void A_missing_name_and_contact_are_named_as_the_source_calls_them()
    {
        var errors = IntakeForm.Read(Douyin, Fields(("company", "星河"))).Errors;

        Assert.Equal(["Mobile", "email", "姓名"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_value_is_refused_even_when_the_other_contact_is_good()
    {
        var errors = IntakeForm.Read(Douyin, Fields(("姓名", "王强"), ("手机", "not a phone"), ("email", "wang@example.com"))).Errors;

        Assert.Equal(["is not a phone number"], errors["手机"]);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("同意", true)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void Consent_reads_the_usual_ways_of_saying_yes_and_no(string given, bool consent) =>
        Assert.Equal(consent, IntakeForm.Read(Douyin, Fields(("姓名", "王强"), ("email", "w@example.com"), ("consent", given))).Lead!.Consent);

    [Fact]
    public void Every_failing_field_is_named_with_its_reason()
    {
        var errors = IntakeForm.Read(Douyin, Fields(
            ("姓名", new string('王', 101)), ("email", "not-an-email"), ("consent", "maybe"), ("company", null), ("note", new string('x', 2001)))).Errors;

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["姓名"] = ["is longer than 100 characters"],
                ["email"] = ["is not an email address"],
                ["consent"] = ["is not yes or no (true/false, 1/0, on/off)"],
                ["company"] = ["must be a single value, not an object or a list"],
                ["note"] = ["is longer than 2000 characters"],
            },
            errors);
    }

    [Fact]
    public void Blank_values_count_as_not_given()
    {
        var errors = IntakeForm.Read(Douyin, Fields(("姓名", "  "), ("手机", ""), ("email", "w@example.com"))).Errors;

        Assert.Equal(["姓名"], errors.Keys);
    }
}
