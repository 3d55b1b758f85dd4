using PhoneNumbers;

namespace ChatCrm.Core.Personal;

/// <summary>
/// A phone number in E.164 form. Numbers written without a country code are taken as Chinese.
/// Personal data: never log <see cref="E164"/>, log <see cref="Masked"/>.
/// </summary>
public sealed record Phone
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private Phone(string e164) => E164 = e164;

    /// <summary>The number as +{country}{national}, e.g. +8613800138000.</summary>
    public string E164 { get; }

    /// <summary>
    /// The number with its middle digits hidden, safe for logs and for anyone without the full-phone
    /// permission: a Chinese mobile as people write it, 138****8000; others +1415***0166 style.
    /// </summary>
    public string Masked => E164 switch
    {
        { Length: 14 } when E164.StartsWith("+861", StringComparison.Ordinal) => E164[3..6] + "****" + E164[^4..],
        { Length: <= 8 } => "****",
        _ => E164[..^8] + "****" + E164[^4..],
    };

    /// <summary>Parses what a person typed; null when it is not a possible phone number.</summary>
    public static Phone? TryParse(string? text, string defaultRegion = "CN")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var number = Numbers.Parse(text, defaultRegion);
            if (!Numbers.IsPossibleNumber(number))
            {
                return null;
            }

            return new Phone(Numbers.Format(number, PhoneNumberFormat.E164));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Restores a number that was stored in E.164 form.</summary>
    public static Phone FromE164(string e164) =>
        TryParse(e164) ?? throw new ArgumentException("Not an E.164 phone number.", nameof(e164));

    public override string ToString() => Masked;
}
