using ChatCrm.Core.Access;
using ChatCrm.Core.Assignment;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Core.Tests.Assignment;

/// <summary>
/// <see cref="CrmWorld"/> with the assignment engine: leads come in as intake will bring them (a
/// pool lead and its request in one transaction), and the engine runs when the test says so.
/// </summary>
public sealed class AssignmentDesk : IDisposable
{
    public AssignmentDesk(FakeTimeProvider? clock = null, AssignmentPolicy? policy = null)
    {
        World = new CrmWorld(clock);
        Policy = policy ?? AssignmentPolicy.Default;
    }

    public CrmWorld World { get; }

    public AssignmentPolicy Policy { get; }

    public FakeTimeProvider Clock => World.Clock;

    public AssignLeads Engine => new(World.Store, Clock, World.Settings, Policy);

    public DeclineOffer Decline => new(World.Store, Clock, World.Settings, Policy);

    public ClaimLead Claim => new(World.Store, Clock);

    public Task AddUsersAsync(params User[] users) =>
        World.Store.WriteAsync(session =>
        {
            foreach (var user in users)
            {
                session.People.Save(user);
            }

            return true;
        }, default);

    public Task UseRulesAsync(params AssignmentRule[] rules) => UseRulebookAsync(rules, new Dictionary<string, WorkingHours>());

    public Task UseRulebookAsync(IReadOnlyList<AssignmentRule> rules, IReadOnlyDictionary<string, WorkingHours> hours) =>
        new ApplyAssignmentRules(World.Store, Clock).HandleAsync(AssignmentRulebook.Configured(rules, hours), default);

    /// <summary>Many leads for east's pool with their requests, in one transaction, one second apart.</summary>
    public Task IntakeManyAsync(int count) =>
        World.Store.WriteAsync(session =>
        {
            var now = Clock.GetUtcNow();
            var day = DateOnly.FromDateTime(World.Settings.LocalNow(now).DateTime);
            for (var lead = 0; lead < count; lead++)
            {
                var number = LeadNumber.Format(day, session.NextInSequence(LeadNumber.SequenceFor(day)));
                session.Leads.Insert(Lead.Create(number, $"客户{lead}", null, null, null, LeadStage.New, null, "east", "webform", "intake", now));
                session.AssignmentRequests.Add(new AssignmentRequest(number, "webform", [], now.AddSeconds(lead)));
            }

            return true;
        }, default);

    /// <summary>A new lead in <paramref name="team"/>'s pool with its request for the engine, written together as intake does.</summary>
    public Task<string> IntakeAsync(string name, string? team = "east", string source = "webform", IReadOnlyList<string>? tags = null, string? region = null, string? industry = null) =>
        World.Store.WriteAsync(session =>
        {
            var now = Clock.GetUtcNow();
            var day = DateOnly.FromDateTime(World.Settings.LocalNow(now).DateTime);
            var number = LeadNumber.Format(day, session.NextInSequence(LeadNumber.SequenceFor(day)));
            session.Leads.Insert(Lead.Create(number, name, null, null, industry, LeadStage.New, null, team, source, "intake", now, region: region));
            session.AssignmentRequests.Add(new AssignmentRequest(number, source, tags ?? [], now));
            return number;
        }, default);

    /// <summary>Runs the engine until a pass finds nothing more to do; returns every move.</summary>
    public async Task<IReadOnlyList<AssignmentMove>> RunAsync()
    {
        var moves = new List<AssignmentMove>();
        AssignmentPass pass;
        do
        {
            pass = await Engine.RunOnceAsync(default);
            moves.AddRange(pass.Moves);
        }
        while (pass.Taken == AssignLeads.BatchSize);

        return moves;
    }

    public Task<LeadAssignment> AssignmentAsync(string number) =>
        World.Store.ReadAsync(session => session.LeadAssignments.Find(number) ?? throw new InvalidOperationException($"No assignment for {number}"), default);

    public Task<Lead> LeadAsync(string number) =>
        World.Store.ReadAsync(session => session.Leads.Find(number)!, default);

    /// <summary>The notices of one kind waiting for a person, oldest first.</summary>
    public async Task<IReadOnlyList<Notice>> NoticesAsync(string userKey, string kind) =>
        [.. (await World.Store.ReadAsync(session => session.Outbox.PendingFor(userKey, 5000), default)).Select(message => message.Notice!).Where(notice => notice.Kind == kind)];

    public void Dispose() => World.Dispose();
}
