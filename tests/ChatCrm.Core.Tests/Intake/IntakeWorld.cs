using ChatCrm.Core.Intake;
using ChatCrm.Core.Leads;

namespace ChatCrm.Core.Tests.Intake;

/// <summary>
/// <see cref="CrmWorld"/> with intake sources: "webform" lands in east's pool with the standard
/// field names, "douyin" maps its own names (姓名, 手机, 公司名称) and carries a tag.
/// </summary>
public sealed class IntakeWorld : IDisposable
{
    public IntakeWorld()
    {
        World.Store.WriteAsync(session =>
        {
            session.Intake.SaveSource(IntakeSource.Create("webform", "web", "webform-secret-0123456789", new Dictionary<string, IntakeField>(), [], "east", World.Clock.GetUtcNow()));
            session.Intake.SaveSource(IntakeSource.Create(
                "douyin", "douyin", "douyin-secret-0123456789",
                new Dictionary<string, IntakeField> { ["姓名"] = IntakeField.Name, ["手机"] = IntakeField.Phone, ["公司名称"] = IntakeField.Company },
                ["vip"], "east", World.Clock.GetUtcNow()));
            return true;
        }, default).GetAwaiter().GetResult();
    }

    public CrmWorld World { get; } = new();

    public IntakeSettings Settings { get; } = IntakeSettings.Default;

    public IntakeTally Tally => new(World.Store, World.Clock);

    public TakeIntakeLead Take => new(World.Store, World.Clock, World.Settings, Settings);

    public static IReadOnlyList<IntakeFieldValue> Fields(params (string Name, string? Text)[] fields) =>
        [.. fields.Select(field => new IntakeFieldValue(field.Name, field.Text))];

    /// <summary>A request through the door and the use case, as the endpoint sends it.</summary>
    public async Task<Result<IntakeTaken>> SendAsync(string source, IReadOnlyList<IntakeFieldValue> fields, string? idempotencyKey = null)
    {
        var arrival = await Tally.ArriveAsync(source, default) ?? throw new InvalidOperationException($"No source {source}.");
        return await Take.HandleAsync(arrival, fields, idempotencyKey, default);
    }

    public async Task<IntakeAnswer> AcceptedAsync(string source, params (string Name, string? Text)[] fields)
    {
        var result = await SendAsync(source, Fields(fields));
        return result.Value?.Answer ?? throw new InvalidOperationException(result.Error?.Code);
    }

    public Task<int> LeadCountAsync() => World.Store.ReadAsync(session => session.Leads.Count(new Store.LeadQuery()), default);

    public Task<IntakeHourCount> ThisHourAsync(string source) => World.Store.ReadAsync(session =>
    {
        var hour = IntakeHourCount.HourOf(World.Clock.GetUtcNow());
        return session.Intake.HourCounts(hour, hour.AddHours(1)).SingleOrDefault(count => count.SourceKey == source)
            ?? new IntakeHourCount(source, hour, 0, 0, 0, 0, 0);
    }, default);

    public Task<Lead?> LeadAsync(string number) => World.LeadAsync(number);

    /// <summary>Moves a stored lead's last change back in time, as if nobody had touched it since.</summary>
    public Task AgeAsync(string number, TimeSpan age) => World.Store.WriteAsync(session =>
    {
        var snapshot = session.Leads.Find(number)!.ToSnapshot();
        session.Leads.Update(Lead.FromSnapshot(snapshot with { CreatedAt = snapshot.CreatedAt - age, UpdatedAt = snapshot.UpdatedAt - age }));
        return true;
    }, default);

    public void Dispose() => World.Dispose();
}
