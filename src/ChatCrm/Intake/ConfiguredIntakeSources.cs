using ChatCrm.Core.Intake;
using Microsoft.Extensions.Options;

namespace ChatCrm.Intake;

/// <summary>
/// At start, brings the sources of ChatCrm:Intake:Sources into the store (after the demo seeding,
/// so the demo teams exist): created with their configured secret when new; otherwise only their
/// channel, fields, tags and team follow configuration, and the stored secret wins.
/// </summary>
public sealed class ConfiguredIntakeSources(BootstrapIntakeSources bootstrap, IOptions<IntakeOptions> options, ILogger<ConfiguredIntakeSources> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setups = options.Value.Sources.Select(ToSetup).ToList();
        if (setups.Count == 0)
        {
            return;
        }

        foreach (var done in await bootstrap.HandleAsync(setups, cancellationToken))
        {
            if (done.Created)
            {
                logger.LogInformation("Intake source {Source} created from configuration", done.Key);
            }
            else if (done.Reconfigured)
            {
                logger.LogInformation("Intake source {Source} took its channel, fields, tags and team from configuration", done.Key);
            }

            if (done.SecretIgnored)
            {
                logger.LogWarning(
                    "The configured secret of intake source {Source} is not the stored one, which an admin set; the stored one is used (an admin rotates it with /admin source secret {Source})",
                    done.Key,
                    done.Key);
            }

            if (done.UnknownTeam)
            {
                logger.LogWarning("Intake source {Source} names a team that does not exist: its leads land in a pool nobody manages", done.Key);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IntakeSourceSetup ToSetup(IntakeSourceOptions source) => new(
        source.Key,
        source.Channel,
        source.Secret.Trim(),
        source.Fields.ToDictionary(pair => pair.Key, pair => IntakeFieldNames.Find(pair.Value)!.Value, StringComparer.OrdinalIgnoreCase),
        [.. source.Tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag.Trim())],
        string.IsNullOrWhiteSpace(source.Team) ? null : source.Team.Trim());
}
