using ChatCrm.Core.Scheduling;
using ChatCrm.Storage.LiteDb.Documents;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Scheduling;

/// <summary>
/// Job runs and job states as documents. A run carries (job, start) as one compound key for "a
/// job's latest runs" and its start ticks alone for pruning, LiteDB having no compound index.
/// </summary>
internal static class JobDocuments
{
    public const string JobAt = "JobAt";
    public const string StartedAt = "StartedAt";

    public static BsonDocument RunToDocument(JobRun run)
    {
        var document = new BsonDocument
        {
            ["_id"] = run.Id,
            ["JobName"] = run.JobName,
            [JobAt] = BsonFields.OwnerAndTime(run.JobName, run.StartedAt.UtcTicks),
            ["Outcome"] = BsonFields.Name<JobRunOutcome>(run.Outcome),
            ["Summary"] = run.Summary,
            ["Count"] = run.Count,
            ["Error"] = BsonFields.Text(run.Error),
            ["RunNowBy"] = BsonFields.Text(run.RunNowBy),
        };
        BsonFields.SetMoment(document, StartedAt, run.StartedAt);
        BsonFields.SetMoment(document, "FinishedAt", run.FinishedAt);
        return document;
    }

    public static JobRun ToRun(BsonDocument document) => new(
        document["_id"].AsGuid,
        BsonFields.GetRequiredText(document, "JobName"),
        BsonFields.GetMoment(document, StartedAt),
        BsonFields.GetMoment(document, "FinishedAt"),
        BsonFields.GetName<JobRunOutcome>(document, "Outcome"),
        BsonFields.GetRequiredText(document, "Summary"),
        document["Count"].AsInt32,
        BsonFields.GetText(document, "Error"),
        BsonFields.GetText(document, "RunNowBy"));

    public static BsonDocument StateToDocument(JobState state)
    {
        var document = new BsonDocument
        {
            ["_id"] = state.JobName,
            ["Paused"] = state.Paused,
            ["ChangedBy"] = state.ChangedBy,
        };
        BsonFields.SetMoment(document, "ChangedAt", state.ChangedAt);
        return document;
    }

    public static JobState ToState(BsonDocument document) => new(
        document["_id"].AsString,
        document["Paused"].AsBoolean,
        BsonFields.GetRequiredText(document, "ChangedBy"),
        BsonFields.GetMoment(document, "ChangedAt"));
}
