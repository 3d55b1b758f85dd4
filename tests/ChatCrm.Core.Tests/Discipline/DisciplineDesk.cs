using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Discipline;
using ChatCrm.Core.FollowUps;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Discipline;

/// <summary>
/// <see cref="CrmWorld"/> with the follow-up discipline jobs: leads owned and followed up through
/// the use cases on the fake clock, the jobs run when the test says, and the notices read back
/// from the outbox.
/// </summary>
public sealed class DisciplineDesk : IDisposable
{
    public DisciplineDesk(FakeTimeProvider? clock = null, StaleLeadPolicy? policy = null, EvidenceSettings? evidence = null)
    {
        World = new CrmWorld(clock);
        Policy = policy ?? new StaleLeadPolicy(StaleThresholds.Default, new Dictionary<string, StaleThresholds>());
        Evidence = evidence ?? EvidenceSettings.Default with { Enabled = true };
    }

    public CrmWorld World { get; }

    public StaleLeadPolicy Policy { get; }

    public EvidenceSettings Evidence { get; }

    public FakeTimeProvider Clock => World.Clock;

    /// <summary>One instance per desk, as the host keeps one: it caches what it learnt from the audit.</summary>
    public StaleLeadScan StaleScan => _scan ??= new StaleLeadScan(World.Store, Clock, World.Settings, Policy);

    public NextStepPrompts NextStep => new(World.Store, Clock, NextStepSettings.Default);

    public FollowUpEvidence EvidenceJob => new(World.Store, Clock, World.Settings, Evidence);

    public PlanNextFollowUp Plan => new(World.Store, Clock);

    private StaleLeadScan? _scan;

    public async Task<string> OwnedLeadAsync(User owner, string name) => (await World.NewLeadAsync(owner, name)).Number;

    public async Task<FollowUpLogged> FollowUpAsync(User author, string lead, string summary = "今天给客户打了电话,聊了报价和交付时间,客户很感兴趣", DateTimeOffset? next = null, ContactChannel? channel = ContactChannel.Call)
    {
        var result = await new LogFollowUp(World.Store, Clock).HandleAsync(CrmWorld.As(author), new FollowUpReport(lead, channel, null, next, summary), default);
        return result.Value ?? throw new InvalidOperationException(result.Error?.Code);
    }

    /// <summary>Sets team hours in the store's rulebook, as configuration would.</summary>
    public Task WorkingHoursAsync(string team, WorkingHours hours) =>
        World.Store.WriteAsync(session =>
        {
            session.AssignmentRules.Save(AssignmentRulebook.Configured([], new Dictionary<string, WorkingHours> { [team] = hours }));
            return true;
        }, default);

    /// <summary>The person's undelivered notices of a kind, oldest first.</summary>
    public Task<List<Notice>> NoticesAsync(string recipient, string kind) =>
        World.Store.ReadAsync(session => session.Outbox.PendingFor(recipient, 500).Select(message => message.Notice).OfType<Notice>().Where(notice => notice.Kind == kind).ToList(), default);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Moves the clock to a local moment in Shanghai.</summary>
    public void At(int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

    public void Dispose() => World.Dispose();
}
