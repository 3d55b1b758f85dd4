using ChatCrm.Core.Personal;

namespace ChatCrm.Core.Intake;

/// <summary>What an intake request's fields make: a lead's fields, or every field that failed and why.</summary>
public sealed record IntakeFormResult(IntakeLeadFields? Lead, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Maps a request's fields onto lead fields through the source's mapping and checks them. A lead
/// needs a name and at least one way to reach the person (a phone or an email); a value that is
/// given must be valid even when the other contact is fine, because dropping it would lose data
/// silently. Fields the source does not map are ignored. Errors name the sender's own field.
/// </summary>
public static class IntakeForm
{
    public const int MaxNameLength = 100;
    public const int MaxCompanyLength = 200;
    public const int MaxShortTextLength = 100;
    public const int MaxNoteLength = 2000;
    public const int MaxUtmLength = 200;
    private const int MaxPhoneTextLength = 40;

    private static readonly string[] Yes = ["true", "1", "yes", "y", "on", "是", "同意"];
    private static readonly string[] No = ["false", "0", "no", "n", "off", "否", "不同意"];

    public static IntakeFormResult Read(IntakeSource source, IReadOnlyList<IntakeFieldValue> values)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string name, string why)
        {
            if (!errors.TryGetValue(name, out var list))
            {
                errors[name] = list = [];
            }

            list.Add(why);
        }

        var given = Pick(source, values, Fail);
        string Label(IntakeField field) => given.TryGetValue(field, out var value) ? value.Name : source.NameOf(field);
        string? Text(IntakeField field, int maxLength)
        {
            if (!given.TryGetValue(field, out var value))
            {
                return null;
            }

            if (value.Text.Length > maxLength)
            {
                Fail(value.Name, $"is longer than {maxLength} characters");
                return null;
            }

            return value.Text;
        }

        var name = Text(IntakeField.Name, MaxNameLength);
        if (name is null && !errors.ContainsKey(Label(IntakeField.Name)))
        {
            Fail(Label(IntakeField.Name), "is required");
        }

        Phone? phone = null;
        if (Text(IntakeField.Phone, MaxPhoneTextLength) is { } phoneText)
        {
            phone = Phone.TryParse(phoneText);
            if (phone is null)
            {
                Fail(Label(IntakeField.Phone), "is not a phone number");
            }
        }

        Email? email = null;
        if (given.TryGetValue(IntakeField.Email, out var emailValue))
        {
            email = Email.TryParse(emailValue.Text);
            if (email is null)
            {
                Fail(emailValue.Name, "is not an email address");
            }
        }

        if (phone is null && email is null && !given.ContainsKey(IntakeField.Phone) && !given.ContainsKey(IntakeField.Email))
        {
            Fail(Label(IntakeField.Phone), "is required when there is no email");
            Fail(Label(IntakeField.Email), "is required when there is no phone");
        }

        bool? consent = null;
        if (given.TryGetValue(IntakeField.Consent, out var consentValue))
        {
            consent = Yes.Contains(consentValue.Text, StringComparer.OrdinalIgnoreCase) ? true
                : No.Contains(consentValue.Text, StringComparer.OrdinalIgnoreCase) ? false
                : null;
            if (consent is null)
            {
                Fail(consentValue.Name, "is not yes or no (true/false, 1/0, on/off)");
            }
        }

        var company = Text(IntakeField.Company, MaxCompanyLength);
        var industry = Text(IntakeField.Industry, MaxShortTextLength);
        var region = Text(IntakeField.Region, MaxShortTextLength);
        var note = Text(IntakeField.Note, MaxNoteLength);
        var utm = new IntakeUtm(Text(IntakeField.UtmCampaign, MaxUtmLength), Text(IntakeField.UtmSource, MaxUtmLength), Text(IntakeField.UtmMedium, MaxUtmLength));
        if (errors.Count > 0)
        {
            return new IntakeFormResult(null, errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal));
        }

        return new IntakeFormResult(new IntakeLeadFields(name!, phone, email, company, industry, region, note, utm, consent), new Dictionary<string, string[]>());
    }

    /// <summary>
    /// The value of each lead field: a name the source maps explicitly wins over a standard name,
    /// and the first non-blank value wins among equals. Text fields are folded to half-width.
    /// </summary>
    private static Dictionary<IntakeField, (string Name, string Text)> Pick(IntakeSource source, IReadOnlyList<IntakeFieldValue> values, Action<string, string> fail)
    {
        var picked = new Dictionary<IntakeField, (string Name, string Text, bool Mapped)>();
        foreach (var value in values)
        {
            if (source.FieldFor(value.Name) is not { } field)
            {
                continue;
            }

            if (value.Text is null)
            {
                fail(value.Name, "must be a single value, not an object or a list");
                continue;
            }

            var text = field == IntakeField.Note ? value.Text.Trim() : IntakeNames.Fold(value.Text);
            var mapped = source.Fields.ContainsKey(value.Name.Trim());
            if (text.Length == 0 || (picked.TryGetValue(field, out var earlier) && (earlier.Mapped || !mapped)))
            {
                continue;
            }

            picked[field] = (value.Name, text, mapped);
        }

        return picked.ToDictionary(pair => pair.Key, pair => (pair.Value.Name, pair.Value.Text));
    }
}
