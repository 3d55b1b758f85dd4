using LiteDB;

namespace ChatCrm.Storage.LiteDb.Documents;

/// <summary>
/// How core values become BSON fields. Moments are UTC ticks (Int64: exact, sortable, indexable,
/// free of LiteDB's local-time conversion of DateTime) plus the offset in minutes in a sibling
/// field, so a DateTimeOffset comes back with the offset it was written with.
/// </summary>
internal static class BsonFields
{
    private const string OffsetSuffix = "Offset";

    public static void SetMoment(BsonDocument document, string name, DateTimeOffset moment)
    {
        document[name] = moment.UtcTicks;
        document[name + OffsetSuffix] = (int)moment.Offset.TotalMinutes;
    }

    public static void SetMoment(BsonDocument document, string name, DateTimeOffset? moment)
    {
        if (moment is { } value)
        {
            SetMoment(document, name, value);
            return;
        }

        document[name] = BsonValue.Null;
        document[name + OffsetSuffix] = BsonValue.Null;
    }

    public static DateTimeOffset GetMoment(BsonDocument document, string name) =>
        new DateTimeOffset(document[name].AsInt64, TimeSpan.Zero)
            .ToOffset(TimeSpan.FromMinutes(document[name + OffsetSuffix].AsInt32));

    public static DateTimeOffset? GetOptionalMoment(BsonDocument document, string name) =>
        document[name].IsNull ? null : GetMoment(document, name);

    /// <summary>The moment's position on the time line, for indexed fields and range bounds.</summary>
    public static BsonValue Ticks(DateTimeOffset? moment) => moment is { } value ? new BsonValue(value.UtcTicks) : BsonValue.Null;

    public static long? GetTicks(BsonDocument document, string name) => document[name].IsNull ? null : document[name].AsInt64;

    public static BsonValue Text(string? text) => text is null ? BsonValue.Null : new BsonValue(text);

    public static string? GetText(BsonDocument document, string name) => document[name].IsNull ? null : document[name].AsString;

    public static string GetRequiredText(BsonDocument document, string name) => document[name].AsString;

    public static BsonValue Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } known ? new BsonValue(known.ToString()) : BsonValue.Null;

    public static TEnum GetName<TEnum>(BsonDocument document, string name)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(document[name].AsString);

    public static TEnum? GetOptionalName<TEnum>(BsonDocument document, string name)
        where TEnum : struct, Enum => document[name].IsNull ? null : Enum.Parse<TEnum>(document[name].AsString);

    public static BsonValue Number(decimal? value) => value is { } known ? new BsonValue(known) : BsonValue.Null;

    public static decimal? GetOptionalNumber(BsonDocument document, string name) => document[name].IsNull ? null : document[name].AsDecimal;

    public static BsonValue Id(Guid? id) => id is { } known ? new BsonValue(known) : BsonValue.Null;

    public static Guid? GetOptionalId(BsonDocument document, string name) => document[name].IsNull ? null : document[name].AsGuid;

    /// <summary>
    /// A key that sorts first by an owner (an actor, a lead) and then by time, standing in for the
    /// compound index LiteDB lacks. Ticks are padded to 19 digits so ordinal order is time order.
    /// </summary>
    public static string OwnerAndTime(string owner, long utcTicks) =>
        owner + CompoundSeparator + utcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The smallest and largest compound keys of an owner from <paramref name="fromUtcTicks"/> on.</summary>
    public static (string From, string To) OwnerTimeRange(string owner, long fromUtcTicks) =>
        (OwnerAndTime(owner, Math.Max(0, fromUtcTicks)), owner + CompoundSeparator + "9999999999999999999");

    // Below every character a key may contain, so "bob" + separator sorts before "bob2".
    private const char CompoundSeparator = '\u0001';
}
