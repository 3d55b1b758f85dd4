namespace ChatCrm.Storage.LiteDb;

/// <summary>
/// Where the store's one writer spends its time, summed since the store opened: running the units
/// of work, LiteDB's commit, forcing the log to disk (what makes commits durable) and the periodic
/// checkpoint that copies the log into the data file. For the bench verb and
/// for diagnosing a slow store.
/// </summary>
public sealed record WriterStatistics(long Batches, long Units, TimeSpan RunningUnits, TimeSpan Committing, TimeSpan Flushing, TimeSpan Checkpointing)
{
    /// <summary>What happened between an earlier reading and this one.</summary>
    public WriterStatistics Since(WriterStatistics earlier) => new(
        Batches - earlier.Batches, Units - earlier.Units, RunningUnits - earlier.RunningUnits,
        Committing - earlier.Committing, Flushing - earlier.Flushing, Checkpointing - earlier.Checkpointing);

    public override string ToString()
    {
        static double PerBatch(TimeSpan total, long batches) => batches == 0 ? 0 : total.TotalMilliseconds / batches;
        return FormattableString.Invariant(
            $"{Batches} batches of {(Batches == 0 ? 0 : (double)Units / Batches):0.0} units; per batch: units {PerBatch(RunningUnits, Batches):0.00} ms, commit {PerBatch(Committing, Batches):0.00} ms, log flush {PerBatch(Flushing, Batches):0.00} ms, checkpoint {PerBatch(Checkpointing, Batches):0.00} ms");
    }
}
