using System.Globalization;
using System.Text;

namespace ChatCrm.Core.Discipline;

/// <summary>
/// How much a follow-up note says, in one measure for Chinese and English: each Chinese
/// character counts 1 and each word in Latin letters or digits counts 2 (an English word carries
/// about what two Chinese characters do). Punctuation and spaces count nothing. So 12 units is
/// about 12 Chinese characters or 6 English words: "给王总打了电话" (7) and "Called Tom, no answer" (8) are short.
/// </summary>
public static class NoteLength
{
    public const int WordWeight = 2;

    public static int Units(string note)
    {
        var units = 0;
        var inWord = false;
        foreach (var rune in note.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                units++;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (!inWord)
                {
                    units += WordWeight;
                    inWord = true;
                }
            }
            else if (rune.Value is not ('\'' or '-'))
            {
                inWord = false;
            }
        }

        return units;
    }

    private static bool IsHan(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter
        && rune.Value is (>= 0x3400 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);
}
