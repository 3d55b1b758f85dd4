using ChatCrm.Core.Assignment;
using ChatCrm.Core.Digest;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Digest;

/// <summary>The test organisation (<see cref="CrmWorld"/>) on a clock set by the test, with the digest job.</summary>
internal sealed class DigestWorld : IDisposable
{
    public DigestWorld(DateTimeOffset now, DigestSettings? digest = null)
    {
        World = new CrmWorld(new FakeTimeProvider(now));
        Job = new SendManagerDigests(World.Store, World.Clock, World.Settings, digest ?? DigestSettings.Default, new FixedDigestLinks());
    }

    public CrmWorld World { get; }

    public SendManagerDigests Job { get; }

    public Task RunAsync() => Job.RunAsync(default);

    /// <summary>Runs the job at <paramref name="moment"/> (the clock only moves forward).</summary>
    public Task RunAtAsync(DateTimeOffset moment)
    {
        World.Clock.SetUtcNow(moment);
        return RunAsync();
    }

    public async Task<IReadOnlyList<Notice>> DigestsForAsync(string userKey) =>
        [.. (await World.Store.ReadAsync(session => session.Outbox.PendingFor(userKey, 100), default))
            .Select(message => message.Notice!)
            .Where(notice => notice.Kind == Notices.ManagerDigest)];

    public Task<ManagerDigest?> DigestAsync(string teamKey, DateOnly date) =>
        World.Store.ReadAsync(session => session.ManagerDigests.Find(teamKey, date), default);

    public Task UseZoneAsync(string teamKey, string zone) =>
        World.Store.WriteAsync(session =>
        {
            session.AssignmentRules.Save(AssignmentRulebook.Configured([], new Dictionary<string, WorkingHours> { [teamKey] = WorkingHours.Default(zone) }));
            return true;
        }, default);

    public void Dispose() => World.Dispose();
}
