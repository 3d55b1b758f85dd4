using System.Globalization;

namespace ChatCrm.Language.Embedded;

/// <summary>Reads numbers written with Chinese numerals (三, 十二, 两, 一百万, 一万五) or Arabic digits.</summary>
internal static class ChineseNumber
{
    public static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (!TryParse(text, out var number) || number > int.MaxValue || number != decimal.Truncate(number))
        {
            return false;
        }

        value = (int)number;
        return true;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        text = text.Trim();
        if (text.IsEmpty)
        {
            value = 0;
            return false;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        decimal total = 0, section = 0, digit = 0;
        decimal lastUnit = 0;
        var digitFollowsUnit = false;
        var zeroSeen = false;
        foreach (var ch in text)
        {
            var d = DigitOf(ch);
            if (d == 0)
            {
                zeroSeen = true;
                continue;
            }

            if (d > 0)
            {
                digit = d;
                digitFollowsUnit = lastUnit > 0 && !zeroSeen;
                continue;
            }

            switch (ch)
            {
                case '十':
                    section += (digit == 0 ? 1 : digit) * 10;
                    lastUnit = 10;
                    break;
                case '百':
                    section += digit * 100;
                    lastUnit = 100;
                    break;
                case '千':
                    section += digit * 1000;
                    lastUnit = 1000;
                    break;
                case '万':
                    total += (section + digit) * 10_000;
                    section = 0;
                    lastUnit = 10_000;
                    break;
                case '亿':
                    total = (total + section + digit) * 100_000_000;
                    section = 0;
                    lastUnit = 100_000_000;
                    break;
                default:
                    value = 0;
                    return false;
            }

            digit = 0;
            zeroSeen = false;
            digitFollowsUnit = false;
        }

        // 一万五 means 15000 and 三千五 means 3500: a lone digit after a unit counts in the next unit down.
        if (digit > 0 && digitFollowsUnit && lastUnit >= 100)
        {
            digit *= lastUnit / 10;
        }

        value = total + section + digit;
        return true;
    }

    private static int DigitOf(char ch) => ch switch
    {
        '零' or '〇' or '0' => 0,
        '一' or '1' => 1,
        '二' or '两' or '2' => 2,
        '三' or '3' => 3,
        '四' or '4' => 4,
        '五' or '5' => 5,
        '六' or '6' => 6,
        '七' or '7' => 7,
        '八' or '8' => 8,
        '九' or '9' => 9,
        _ => -1,
    };
}
