using ChatCrm.Core.Intake;

namespace ChatCrm.Core.Store;

/// <summary>Intake sources, their hourly counts, the answers remembered by idempotency key, and the accepted requests.</summary>
public interface IIntakeRepository
{
    IntakeSource? FindSource(string key);

    /// <summary>By key.</summary>
    IReadOnlyList<IntakeSource> AllSources();

    void SaveSource(IntakeSource source);

    /// <summary>Adds one to the outcome's count of the source in the hour starting at <paramref name="hour"/> (UTC).</summary>
    void Count(string sourceKey, DateTimeOffset hour, IntakeOutcome outcome);

    /// <summary>The counts of every source for the hours starting in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    IReadOnlyList<IntakeHourCount> HourCounts(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Notes that admins were told about the hour's gap.</summary>
    void MarkAlerted(string sourceKey, DateTimeOffset hour);

    IntakeReceipt? FindReceipt(string sourceKey, string idempotencyKey);

    void SaveReceipt(IntakeReceipt receipt);

    void AddRecord(IntakeRecord record);

    /// <summary>Newest first.</summary>
    IReadOnlyList<IntakeRecord> RecordsForLead(string leadNumber, int limit);

    /// <summary>Forgets up to <paramref name="limit"/> answers remembered before <paramref name="moment"/>; returns how many.</summary>
    int RemoveReceiptsBefore(DateTimeOffset moment, int limit);
}
