using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb.Documents;
using ChatCrm.Storage.LiteDb.Sessions;
using LiteDB;

namespace ChatCrm.Storage.LiteDb.Scheduling;

internal sealed class JobHistory(SessionScope scope, StoreCollections collections) : IJobHistory
{
    public void AddRun(JobRun run)
    {
        var document = JobDocuments.RunToDocument(run);
        scope.Write(() => collections.JobRuns.Insert(document));
    }

    public IReadOnlyList<JobRun> RunsOf(string jobName, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var (from, to) = BsonFields.OwnerTimeRange(jobName, 0);
        var documents = scope.Read(() => collections.JobRuns
            .Query()
            .Where(BsonExpression.Create($"$.{JobDocuments.JobAt} BETWEEN @0 AND @1", new BsonValue(from), new BsonValue(to)))
            .OrderBy(BsonExpression.Create("$." + JobDocuments.JobAt), Query.Descending)
            .Limit(limit)
            .ToList());
        return [.. documents.Select(JobDocuments.ToRun)];
    }

    public int RemoveRunsBefore(DateTimeOffset moment, int limit) =>
        limit <= 0 ? 0 : OldestBefore.Remove(scope, collections.JobRuns, JobDocuments.StartedAt, moment, limit);

    public JobState? FindState(string jobName)
    {
        var document = scope.Read(() => collections.JobStates.FindById(jobName));
        return document is null ? null : JobDocuments.ToState(document);
    }

    public IReadOnlyList<JobState> AllStates()
    {
        var documents = scope.Read(() => collections.JobStates.FindAll().ToList());
        return [.. documents.Select(JobDocuments.ToState).OrderBy(state => state.JobName, StringComparer.Ordinal)];
    }

    public void SaveState(JobState state)
    {
        var document = JobDocuments.StateToDocument(state);
        scope.Write(() => collections.JobStates.Upsert(document));
    }
}
