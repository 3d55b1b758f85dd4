using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Intake;

/// <summary>A source as configuration describes it (ChatCrm:Intake:Sources).</summary>
public sealed record IntakeSourceSetup(
    string Key, string Channel, string Secret, IReadOnlyDictionary<string, IntakeField> Fields, IReadOnlyList<string> Tags, string? TeamKey)
{
    public override string ToString() => $"IntakeSourceSetup {{ Key = {Key}, Channel = {Channel}, TeamKey = {TeamKey}, Secret = *** }}";
}

/// <summary>What starting with a configured source did.</summary>
/// <param name="Created">The store had no such source: it was made from configuration, secret and all.</param>
/// <param name="Reconfigured">The stored source took configuration's channel, fields, tags or team.</param>
/// <param name="SecretIgnored">Configuration's secret differs from the stored one, which wins (an admin rotated it).</param>
/// <param name="UnknownTeam">The team named does not exist (yet): leads land in a pool nobody manages.</param>
public sealed record IntakeSourceBootstrap(string Key, bool Created, bool Reconfigured, bool SecretIgnored, bool UnknownTeam);

/// <summary>
/// Brings the sources named in configuration into the store at start. Configuration describes a
/// source (channel, field mapping, tags, team) and is applied at every start; the secret and
/// whether the source is on belong to the store once it exists, because admins rotate secrets and
/// switch sources from chat and a restart must not undo that. So a configured secret is used only
/// to create a source the store does not have.
/// </summary>
public sealed class BootstrapIntakeSources(ICrmStore store, TimeProvider clock)
{
    public const string ActorKey = "config";

    public Task<IReadOnlyList<IntakeSourceBootstrap>> HandleAsync(IReadOnlyList<IntakeSourceSetup> setups, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync<IReadOnlyList<IntakeSourceBootstrap>>(session =>
            [.. setups.Select(setup => Apply(session, setup, now))], cancellationToken);
    }

    private static IntakeSourceBootstrap Apply(ICrmSession session, IntakeSourceSetup setup, DateTimeOffset now)
    {
        if (!IntakeSource.IsValidKey(setup.Key))
        {
            throw new ArgumentException($"Intake source key '{setup.Key}' is not lower-case letters, digits, '-' and '_' (at most 40).", nameof(setup));
        }

        var unknownTeam = setup.TeamKey is { } team && session.People.FindTeam(team) is null;
        if (session.Intake.FindSource(setup.Key) is not { } stored)
        {
            session.Intake.SaveSource(IntakeSource.Create(setup.Key, setup.Channel, setup.Secret, setup.Fields, setup.Tags, setup.TeamKey, now));
            session.Audit.Append(IntakeAudit.Entry(ActorKey, AuditActions.AddIntakeSource, now, null, null, setup.Key));
            return new IntakeSourceBootstrap(setup.Key, Created: true, Reconfigured: false, SecretIgnored: false, unknownTeam);
        }

        var reconfigured = stored.Reconfigure(setup.Channel, setup.Fields, setup.Tags, setup.TeamKey, now);
        if (reconfigured)
        {
            session.Intake.SaveSource(stored);
            session.Audit.Append(IntakeAudit.Entry(ActorKey, AuditActions.ConfigureIntakeSource, now, null, null, setup.Key));
        }

        return new IntakeSourceBootstrap(setup.Key, Created: false, reconfigured, SecretIgnored: stored.Secret != setup.Secret, unknownTeam);
    }
}
