namespace ChatCrm.Storage.LiteDb;

/// <summary>Where the LiteDB file lives and how the single writer batches commits.</summary>
public sealed class LiteDbStoreOptions
{
    /// <summary>The database file; its folder is created when missing. A lock file sits beside it.</summary>
    public string DatabasePath { get; set; } = "data/chatcrm.db";

    /// <summary>
    /// Answer a unit's caller only once its commit is on disk (the default, as ICrmStore promises).
    /// LiteDB 5 otherwise leaves committed pages to a background writer that flushes them a few
    /// milliseconds later, so a process crash can lose the last commits (never part of one).
    /// Durable commits wait for that writer and force the log to disk once a batch, shared by all its units.
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>
    /// The commits between two checkpoints (copying the log into the data file). Without checkpoints
    /// the log grows and indexed reads slow down about 40 times after 20,000 small commits
    /// (measured, see DESIGN.md).
    /// </summary>
    public int CheckpointEveryCommits { get; set; } = 1000;

    /// <summary>The calendar and exclusions the report tallies count leads under (the organisation's zone, ChatCrm:Reports).</summary>
    public Core.Reports.Tallies.TallyRules ReportTallies { get; set; } = Core.Reports.Tallies.TallyRules.Default;

    /// <summary>The most units of work committed together in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// For tests only: LiteDB's background log writer waits this long before each page, so a test can
    /// show that a durable commit's caller is answered only after the log holds its pages.
    /// </summary>
    internal TimeSpan LogWriteDelay { get; set; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException("The LiteDB database path (DatabasePath) is empty.", nameof(DatabasePath));
        }

        if (CheckpointEveryCommits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckpointEveryCommits), CheckpointEveryCommits, "CheckpointEveryCommits must be at least 1.");
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "MaxBatchSize must be at least 1.");
        }
    }
}
