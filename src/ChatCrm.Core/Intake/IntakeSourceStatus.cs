namespace ChatCrm.Core.Intake;

/// <summary>Requests of a source over some hours, by outcome.</summary>
public sealed record IntakeCounts(int Received, int Accepted, int Duplicate, int Rejected, int Replayed)
{
    public static IntakeCounts Sum(IEnumerable<IntakeHourCount> hours)
    {
        var list = hours.ToList();
        return new(list.Sum(h => h.Received), list.Sum(h => h.Accepted), list.Sum(h => h.Duplicate), list.Sum(h => h.Rejected), list.Sum(h => h.Replayed));
    }
}

/// <summary>A source as an admin sees it: everything but the secret, its counts of the last 24 hours and its last error.</summary>
public sealed record IntakeSourceStatus(
    string Key, string Channel, string? TeamKey, IReadOnlyList<string> Tags, bool Enabled, IntakeCounts Last24Hours, string? LastError, DateTimeOffset? LastErrorAt);

/// <summary>A source's new secret, shown once to the admin who made it and never again.</summary>
public sealed record IntakeSourceSecret(string Key, string Channel, string? TeamKey, string Secret)
{
    // Records print their members; this one must not end up in a log by accident.
    public override string ToString() => $"IntakeSourceSecret {{ Key = {Key}, Channel = {Channel}, TeamKey = {TeamKey}, Secret = *** }}";
}

/// <summary>A source switched on or off.</summary>
public sealed record IntakeSourceSwitched(string Key, bool Enabled);
