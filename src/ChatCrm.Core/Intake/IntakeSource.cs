using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Intake;

/// <summary>
/// A system that sends leads in (a web form, a Douyin lead form, a WeChat official account, an ad
/// platform, a partner): its key in <c>/api/intake/{key}</c>, its channel tag, how its field names
/// map onto lead fields, the tags assignment rules match on, the team whose pool its leads land
/// in, and the HMAC secret its requests are signed with. The secret is kept as given for now and
/// must never be logged or shown except once, to the admin who made it.
/// </summary>
public sealed partial class IntakeSource
{
    /// <param name="fields">The source's own field names (compared without regard to case) and the lead field each fills.</param>
    public IntakeSource(
        string key,
        string channel,
        string secret,
        IReadOnlyDictionary<string, IntakeField> fields,
        IReadOnlyList<string> tags,
        string? teamKey,
        bool enabled,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        string? lastError = null,
        DateTimeOffset? lastErrorAt = null,
        string? ownerKey = null)
    {
        Key = key;
        Channel = channel;
        Secret = secret;
        Fields = new Dictionary<string, IntakeField>(fields, StringComparer.OrdinalIgnoreCase);
        Tags = tags;
        TeamKey = teamKey;
        Enabled = enabled;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        LastError = lastError;
        LastErrorAt = lastErrorAt;
        OwnerKey = ownerKey;
    }

    /// <summary>The source's name in the URL, e.g. "webform": lower-case letters, digits, '-' and '_'.</summary>
    public string Key { get; }

    /// <summary>What kind of system it is, e.g. "web", "douyin", "wechat-oa", "ads", "partner".</summary>
    public string Channel { get; private set; }

    /// <summary>The HMAC-SHA256 key requests are signed with. Never log it.</summary>
    public string Secret { get; private set; }

    public IReadOnlyDictionary<string, IntakeField> Fields { get; private set; }

    /// <summary>What assignment rules match on besides the source key (e.g. "vip", "east-china").</summary>
    public IReadOnlyList<string> Tags { get; private set; }

    /// <summary>The team whose pool the source's leads land in; null for no team's pool.</summary>
    public string? TeamKey { get; private set; }

    /// <summary>Off, every request is refused (403) and counted as rejected.</summary>
    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Why the last refused or failed request was refused, without any personal value.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    /// <summary>The admin who added it in chat; null for a source configuration made. Offboarding them switches it off.</summary>
    public string? OwnerKey { get; }

    public static IntakeSource Create(
        string key, string channel, string secret, IReadOnlyDictionary<string, IntakeField> fields, IReadOnlyList<string> tags, string? teamKey, DateTimeOffset now, string? ownerKey = null) =>
        new(key, channel, secret, fields, tags, teamKey, enabled: true, now, now, ownerKey: ownerKey);

    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>32 random bytes as 64 hex digits: long enough for HMAC-SHA256, and safe in any header or shell.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lead field an incoming field fills: the source's mapping first, then the standard names.</summary>
    public IntakeField? FieldFor(string incomingName) =>
        Fields.TryGetValue(incomingName.Trim(), out var mapped) ? mapped : IntakeFieldNames.StandardField(incomingName);

    /// <summary>The name the sender knows a lead field by: the first of its own names mapped to it, else the standard one.</summary>
    public string NameOf(IntakeField field) =>
        Fields.Where(pair => pair.Value == field).Select(pair => pair.Key).Order(StringComparer.Ordinal).FirstOrDefault() ?? IntakeFieldNames.Of(field);

    public CrmError? Switch(bool on, DateTimeOffset now)
    {
        if (Enabled == on)
        {
            return new NoChange(Key);
        }

        Enabled = on;
        UpdatedAt = now;
        return null;
    }

    public void RotateSecret(string secret, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        Secret = secret;
        UpdatedAt = now;
    }

    /// <summary>Takes what configuration says about the source; false when nothing differs.</summary>
    public bool Reconfigure(string channel, IReadOnlyDictionary<string, IntakeField> fields, IReadOnlyList<string> tags, string? teamKey, DateTimeOffset now)
    {
        var same = Channel == channel
            && TeamKey == teamKey
            && Tags.SequenceEqual(tags, StringComparer.Ordinal)
            && Fields.Count == fields.Count
            && fields.All(pair => Fields.TryGetValue(pair.Key, out var field) && field == pair.Value);
        if (same)
        {
            return false;
        }

        Channel = channel;
        Fields = new Dictionary<string, IntakeField>(fields, StringComparer.OrdinalIgnoreCase);
        Tags = tags;
        TeamKey = teamKey;
        UpdatedAt = now;
        return true;
    }

    public void RecordError(string reason, DateTimeOffset at)
    {
        LastError = reason;
        LastErrorAt = at;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
