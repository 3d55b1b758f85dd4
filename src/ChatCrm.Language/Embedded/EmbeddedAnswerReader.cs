using System.Globalization;

namespace ChatCrm.Language.Embedded;

/// <summary>Reads bare answers with the embedded grammars for dates, amounts and stages.</summary>
public sealed class EmbeddedAnswerReader : IAnswerReader
{
    public string? Read(string slot, string text, DateTimeOffset now)
    {
        var answer = MentionStripper.Strip(text).Trim();
        if (answer.Length == 0)
        {
            return null;
        }

        switch (slot)
        {
            case "at":
            case "next_at":
                var moments = DateTimeGrammar.FindAll(answer, now);
                return DateTimeGrammar.FindFirst(moments, now)?.Moment.ToString();
            case "amount":
                return AmountGrammar.FindAll(answer) is [var amount, ..] ? amount.Value.ToString(CultureInfo.InvariantCulture) : null;
            case "stage":
                return StageLexicon.FindAll(answer) is [var stage, ..] ? stage.Stage.ToString() : null;
            default:
                return answer;
        }
    }
}
