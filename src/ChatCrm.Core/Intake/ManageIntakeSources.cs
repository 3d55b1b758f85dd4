using ChatCrm.Core.Access;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>
/// What admins do with intake sources from chat: list them with their counts, add one (its secret
/// is made here and shown once), rotate a secret (the old one stops working at once), and switch a
/// source off or on. Admins only; every change is audited by the source key, never the secret.
/// </summary>
public sealed class ManageIntakeSources(ICrmStore store, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<IntakeSourceStatus>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await Admins.AllowAsync(store, actor, cancellationToken))
        {
            return new NotPermitted("intake.source.list", null);
        }

        var now = clock.GetUtcNow();
        var from = IntakeHourCount.HourOf(now).AddHours(-23);
        return await store.ReadAsync(session =>
        {
            var counts = session.Intake.HourCounts(from, from.AddHours(24)).ToLookup(count => count.SourceKey, StringComparer.Ordinal);
            IReadOnlyList<IntakeSourceStatus> statuses = [.. session.Intake.AllSources().Select(source => new IntakeSourceStatus(
                source.Key, source.Channel, source.TeamKey, source.Tags, source.Enabled, IntakeCounts.Sum(counts[source.Key]), source.LastError, source.LastErrorAt))];
            return Result<IReadOnlyList<IntakeSourceStatus>>.Success(statuses);
        }, cancellationToken);
    }

    /// <param name="teamKey">The team whose pool the source's leads land in; none when null.</param>
    public async Task<Result<IntakeSourceSecret>> AddAsync(Actor actor, string? key, string? channel, string? teamKey, CancellationToken cancellationToken)
    {
        if (Refusal(await Admins.AllowAsync(store, actor, cancellationToken), actor, AuditActions.AddIntakeSource, key) is { } refused)
        {
            return refused;
        }

        var tag = channel?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(tag))
        {
            return new MissingValue("channel");
        }

        if (!IntakeSource.IsValidKey(tag))
        {
            return new InvalidValue("channel", channel);
        }

        var sourceKey = key!.Trim().ToLowerInvariant();
        var team = string.IsNullOrWhiteSpace(teamKey) ? null : teamKey.Trim();
        var now = clock.GetUtcNow();
        return await store.WriteAsync<Result<IntakeSourceSecret>>(session =>
        {
            if (InboundDedupe.Record(session, actor, now) is { } seen)
            {
                return seen;
            }

            if (session.Intake.FindSource(sourceKey) is not null)
            {
                return new IntakeSourceExists(sourceKey);
            }

            if (team is not null && session.People.FindTeam(team) is null)
            {
                return new InvalidValue("team", team);
            }

            var source = IntakeSource.Create(sourceKey, tag, IntakeSource.NewSecret(), new Dictionary<string, IntakeField>(), [], team, now, actor.Key);
            session.Intake.SaveSource(source);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.AddIntakeSource, now, null, null, null, sourceKey));
            return Result<IntakeSourceSecret>.Success(new IntakeSourceSecret(source.Key, source.Channel, source.TeamKey, source.Secret));
        }, cancellationToken);
    }

    public async Task<Result<IntakeSourceSecret>> RotateSecretAsync(Actor actor, string? key, CancellationToken cancellationToken)
    {
        if (Refusal(await Admins.AllowAsync(store, actor, cancellationToken), actor, AuditActions.RotateIntakeSecret, key) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        return await store.WriteAsync(session => ForSource<IntakeSourceSecret>(session, actor, key!, now, source =>
        {
            source.RotateSecret(IntakeSource.NewSecret(), now);
            session.Intake.SaveSource(source);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.RotateIntakeSecret, now, null, null, null, source.Key));
            return Result<IntakeSourceSecret>.Success(new IntakeSourceSecret(source.Key, source.Channel, source.TeamKey, source.Secret));
        }), cancellationToken);
    }

    public async Task<Result<IntakeSourceSwitched>> SwitchAsync(Actor actor, string? key, bool on, CancellationToken cancellationToken)
    {
        if (Refusal(await Admins.AllowAsync(store, actor, cancellationToken), actor, AuditActions.SwitchIntakeSource, key) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        return await store.WriteAsync(session => ForSource<IntakeSourceSwitched>(session, actor, key!, now, source =>
        {
            if (source.Switch(on, now) is { } unchanged)
            {
                return unchanged;
            }

            session.Intake.SaveSource(source);
            session.Audit.Append(AuditTrail.Entry(actor, AuditActions.SwitchIntakeSource, now, null, null, null, $"{source.Key} {(on ? "on" : "off")}"));
            return Result<IntakeSourceSwitched>.Success(new IntakeSourceSwitched(source.Key, on));
        }), cancellationToken);
    }

    private static Result<T> ForSource<T>(ICrmSession session, Actor actor, string key, DateTimeOffset now, Func<IntakeSource, Result<T>> change)
    {
        if (InboundDedupe.Record(session, actor, now) is { } seen)
        {
            return seen;
        }

        var sourceKey = key.Trim().ToLowerInvariant();
        return session.Intake.FindSource(sourceKey) is { } source ? change(source) : new IntakeSourceNotFound(sourceKey);
    }

    private static CrmError? Refusal(bool isAdmin, Actor actor, string act, string? key)
    {
        if (!isAdmin)
        {
            return new NotPermitted(act, null);
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            return new MissingValue("key");
        }

        return IntakeSource.IsValidKey(key.Trim().ToLowerInvariant()) ? null : new InvalidValue("key", key);
    }
}
