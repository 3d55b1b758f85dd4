namespace ChatCrm.Core.Intake;

/// <summary>
/// A source's requests in one UTC clock hour, by outcome. Kept in the store, not in memory, so
/// several instances add to the same counts and a restart loses none.
/// </summary>
/// <param name="Hour">The start of the hour, in UTC.</param>
/// <param name="Alerted">Admins were told about this hour's gap already.</param>
public sealed record IntakeHourCount(
    string SourceKey, DateTimeOffset Hour, int Received, int Accepted, int Duplicate, int Rejected, int Replayed, bool Alerted = false)
{
    /// <summary>Requests whose outcome was stored. Short of <see cref="Received"/> only when a request failed after the door.</summary>
    public int Settled => Accepted + Duplicate + Rejected + Replayed;

    public int Unsettled => Received - Settled;

    /// <summary>The UTC hour a moment falls in; a request's outcome is counted in the hour it was received.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
