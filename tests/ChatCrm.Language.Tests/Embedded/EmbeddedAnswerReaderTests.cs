using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

public sealed class EmbeddedAnswerReaderTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("at", "明天上午10点", "2026-11-19T10:00")]
    [InlineData("at", "next Monday at 3pm", "2026-11-23T15:00")]
    [InlineData("at", "周五", "2026-11-20")]
    [InlineData("amount", "50万", "500000")]
    [InlineData("amount", "$120k", "120000")]
    [InlineData("stage", "商务谈判", "Negotiation")]
    [InlineData("stage", "closed won", "Won")]
    [InlineData("to_user", " bob ", "bob")]
    [InlineData("name", "@ChatCrm 张伟", "张伟")]
    public void A_bare_answer_is_read_as_the_asked_slot(string slot, string answer, string expected)
    {
        Assert.Equal(expected, new EmbeddedAnswerReader().Read(slot, answer, Wednesday));
    }

    [Theory]
    [InlineData("at", "不知道")]
    [InlineData("amount", "很多")]
    [InlineData("stage", "还行")]
    [InlineData("name", "   ")]
    public void An_answer_that_is_no_such_value_is_not_taken(string slot, string answer)
    {
        Assert.Null(new EmbeddedAnswerReader().Read(slot, answer, Wednesday));
    }
}
