using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Scheduling;

/// <summary>
/// What admins do with the scheduled jobs from chat: list them with their next and last runs, run
/// one now, pause and resume one. Admins only. Every act is audited in the same transaction as the
/// state it changes; the pause is in the store, so it holds after a restart. The scheduler is told
/// after the commit: a crash in between leaves the store's word, which the next start applies.
/// </summary>
public sealed class ManageScheduledJobs(ICrmStore store, IJobScheduler scheduler, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<JobStatus>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted("job.list", null);
        }

        var jobs = await scheduler.ListAsync(cancellationToken);
        return await store.ReadAsync(session =>
        {
            var states = session.Jobs.AllStates().ToDictionary(state => state.JobName, StringComparer.Ordinal);
            IReadOnlyList<JobStatus> statuses = [.. jobs.Select(job => new JobStatus(job, session.Jobs.RunsOf(job.Name, 1).FirstOrDefault(), states.GetValueOrDefault(job.Name)))];
            return Result<IReadOnlyList<JobStatus>>.Success(statuses);
        }, cancellationToken);
    }

    public async Task<Result<JobChanged>> RunNowAsync(Actor actor, string? name, CancellationToken cancellationToken)
    {
        var found = await FindAsync(actor, AuditActions.RunJob, name, cancellationToken);
        if (found.Error is { } refused)
        {
            return refused;
        }

        var job = found.Value!;
        var now = clock.GetUtcNow();
        var written = await store.WriteAsync<CrmError?>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.RunJob, now, null, null, null, job.Name));
            return null;
        }, cancellationToken);
        if (written is { } unchanged)
        {
            return unchanged;
        }

        await scheduler.TriggerAsync(job.Name, actor.Key, cancellationToken);
        return Result<JobChanged>.Success(new JobChanged(job.Name, JobChange.RunRequested, job.NextRunAt));
    }

    public async Task<Result<JobChanged>> SwitchAsync(Actor actor, string? name, bool pause, CancellationToken cancellationToken)
    {
        var act = pause ? AuditActions.PauseJob : AuditActions.ResumeJob;
        var found = await FindAsync(actor, act, name, cancellationToken);
        if (found.Error is { } refused)
        {
            return refused;
        }

        var job = found.Value!;
        var now = clock.GetUtcNow();
        var written = await store.WriteAsync<CrmError?>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if ((session.Jobs.FindState(job.Name)?.Paused ?? false) == pause)
            {
                return new JobAlreadyInState(job.Name, pause);
            }

            session.Jobs.SaveState(new JobState(job.Name, pause, actor.Key, now));
            session.Audit.Append(AuditTrail.Entry(actor, act, now, null, null, null, job.Name));
            return null;
        }, cancellationToken);
        if (written is { } unchanged)
        {
            return unchanged;
        }

        if (pause)
        {
            await scheduler.PauseAsync(job.Name, cancellationToken);
            return Result<JobChanged>.Success(new JobChanged(job.Name, JobChange.Paused, null));
        }

        await scheduler.ResumeAsync(job.Name, cancellationToken);
        var next = (await scheduler.ListAsync(cancellationToken)).FirstOrDefault(resumed => resumed.Name == job.Name)?.NextRunAt;
        return Result<JobChanged>.Success(new JobChanged(job.Name, JobChange.Resumed, next));
    }

    private async Task<Result<ScheduledJobInfo>> FindAsync(Actor actor, string act, string? name, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted(act, null);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return new MissingValue("job");
        }

        var jobs = await scheduler.ListAsync(cancellationToken);
        var wanted = name.Trim();
        return jobs.FirstOrDefault(job => string.Equals(job.Name, wanted, StringComparison.OrdinalIgnoreCase)) is { } job
            ? Result<ScheduledJobInfo>.Success(job)
            : new JobNotFound(wanted, [.. jobs.Select(known => known.Name)]);
    }
}
