using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCrm.Language.Embedded;

/// <summary>
/// Money amounts: 50万, 3.5万, 五十万, 一百万元, $120k, 1.2m, 120,000, 80 万美元. The currency is CNY unless
/// dollars are said ($, USD, 美元, 美金, dollars).
/// </summary>
internal static partial class AmountGrammar
{
    public const string Yuan = "CNY";
    public const string Dollar = "USD";

    public static List<MoneyAmount> FindAll(string text)
    {
        var found = new List<MoneyAmount>(2);
        var dollarsSaid = DollarWord().IsMatch(text);
        for (var m = DigitAmount().Match(text); m.Success; m = m.NextMatch())
        {
            if (ReadDigits(m, text, dollarsSaid) is { } amount)
            {
                found.Add(amount);
            }
        }

        for (var m = ChineseAmount().Match(text); m.Success; m = m.NextMatch())
        {
            if (ChineseNumber.TryParse(m.Groups["num"].ValueSpan, out var value) && value > 0)
            {
                var currency = IsDollar(m.Groups["post"].Value) || dollarsSaid ? Dollar : Yuan;
                found.Add(new MoneyAmount(m.Index, m.Index + m.Length, WithoutTrailingZeros(value), currency, IsMarked: true));
            }
        }

        return found;
    }

    /// <summary>The amount a deal is set to: the last marked amount, else the last plain number.</summary>
    public static MoneyAmount? FindDealAmount(string text)
    {
        var all = FindAll(text);
        MoneyAmount? plain = null;
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (all[i].IsMarked)
            {
                return all[i];
            }

            plain ??= all[i];
        }

        return plain;
    }

    private static MoneyAmount? ReadDigits(Match m, string text, bool dollarsSaid)
    {
        var number = m.Groups["num"];
        var start = m.Index;
        var end = m.Index + m.Length;
        if (start > 0 && IsGlued(text[start - 1]))
        {
            return null;
        }

        var pre = m.Groups["pre"].Value;
        var unit = m.Groups["unit"].Value;
        var post = m.Groups["post"].Value;
        var marked = pre.Length > 0 || unit.Length > 0 || post.Length > 0 || number.ValueSpan.Contains(',');
        // A plain number next to a date, time, phone or count word is not money.
        if (!marked && (end < text.Length && "/-:月号日点天周年小分个次位人%岁".Contains(text[end]) || number.Length > 9))
        {
            return null;
        }

        if (!decimal.TryParse(number.ValueSpan, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        value *= Multiplier(unit);
        if (value <= 0)
        {
            return null;
        }

        var currency = pre is "$" or "US$" || pre.Equals("USD", StringComparison.OrdinalIgnoreCase) || IsDollar(post) || dollarsSaid
            ? Dollar
            : Yuan;
        return new MoneyAmount(start, end, WithoutTrailingZeros(decimal.Round(value, 2)), currency, marked);
    }

    // 3.5 × 10000 keeps the scale of 3.5 (35000.0); dividing by 1.000… drops the trailing zeros.
    private static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    private static bool IsGlued(char before) => char.IsAsciiLetterOrDigit(before) || before is '-' or '/' or ':' or '+' or '.';

    private static bool IsDollar(string word) =>
        word is "美元" or "美金" or "刀" || word.StartsWith("dollar", StringComparison.OrdinalIgnoreCase)
        || word.Equals("bucks", StringComparison.OrdinalIgnoreCase) || word.Equals("usd", StringComparison.OrdinalIgnoreCase);

    private static decimal Multiplier(string unit) => unit.ToLowerInvariant() switch
    {
        "" => 1m,
        "万" or "w" => 10_000m,
        "千" or "k" or "thousand" => 1_000m,
        "百万" or "m" or "mn" or "mil" or "million" => 1_000_000m,
        "千万" => 10_000_000m,
        "亿" => 100_000_000m,
        "bn" or "billion" => 1_000_000_000m,
        _ => 1m,
    };

    [GeneratedRegex(
        @"(?:(?<pre>US\$|\$|USD|RMB|CNY|¥|￥)\s?)?(?<num>(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))(?![\d.,]\d)\s?" +
        @"(?<unit>百万|千万|亿|万|千|k|w|mn|mil|million|thousand|bn|billion|m)?(?![A-Za-z])\s?" +
        @"(?<post>元|块钱|块|人民币|美元|美金|刀|dollars?|bucks|usd|rmb|cny|yuan)?",
        RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex DigitAmount();

    [GeneratedRegex(
        @"(?<num>[一二两三四五六七八九十百千]+[万亿][零一二两三四五六七八九十百千万]*|[一二两三四五六七八九十百千]+(?=元|块|美元|美金))" +
        @"(?<post>元|块钱|块|人民币|美元|美金)?",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex ChineseAmount();

    [GeneratedRegex(@"\$|(?<![A-Za-z])(?:USD|US dollars?)(?![A-Za-z])|美元|美金",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DollarWord();
}
