using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>Channels' bot mentions are not part of what the person said.</summary>
public sealed class MentionStripperTests
{
    [Theory]
    [InlineData("<at>ChatCrm</at> my leads", "my leads")]
    [InlineData("<at id=\"0\">CRM Bot</at>&nbsp;认领", "认领")]
    [InlineData("@ChatCrm 我的线索", "我的线索")]
    [InlineData("@ChatCrm\u2005撤销", "撤销")]
    [InlineData("@ChatCrm @张三 认领", "认领")]
    [InlineData("@ChatCrm", "")]
    [InlineData("发邮件给 a@b.com 了", "发邮件给 a@b.com 了")]
    public void Mentions_are_removed_and_the_rest_kept(string said, string expected) =>
        Assert.Equal(expected, MentionStripper.Strip(said));
}
