using ChatCrm.Language.Model;

namespace ChatCrm.Language.Tests.Model;

public sealed class ContactMaskTests
{
    [Fact]
    public void Phones_and_emails_become_numbered_placeholders_and_come_back()
    {
        var mask = ContactMask.Apply("李雷 13912345678,备用 +1 415 555 0123,邮箱 lilei@xingchen.cn");

        Assert.Equal("李雷 [phone 1],备用 [phone 2],邮箱 [email 1]", mask.Text);
        Assert.Equal(3, mask.Count);
        Assert.Equal("13912345678 / +1 415 555 0123 / lilei@xingchen.cn", mask.Restore("[phone 1] / [phone 2] / [email 1]"));
    }

    [Fact]
    public void Dates_amounts_and_lead_numbers_are_left_alone()
    {
        const string Text = "L-20261118-0007 2026-11-25 签了 500000 元";

        Assert.Equal(Text, ContactMask.Apply(Text).Text);
    }

    [Fact]
    public void A_placeholder_the_message_did_not_have_stays_as_written()
    {
        Assert.Equal("[phone 9]", ContactMask.Apply("13912345678").Restore("[phone 9]"));
    }
}
