using ChatCrm.Core.Access;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Scheduling;
using ChatCrm.Core.Store;

namespace ChatCrm.Core.Health;

/// <summary>
/// Checks every configured integration (job "integration-health", every 15 minutes) and keeps
/// each one's state in the store. A failure opens an incident and tells the admins once
/// ("integration.down"), however many runs it lasts; the first good check after it closes the
/// incident and tells them again ("integration.recovered"). A check that throws, or takes longer
/// than <see cref="CheckTimeout"/>, has failed. The dispatcher's hourly alerts
/// (<see cref="RaiseIntegrationAlert"/>) stay for refusals only a send can meet (an untrusted IP);
/// whether an integration is up is this job's story.
/// </summary>
public sealed class CheckIntegrations(ICrmStore store, TimeProvider clock, IEnumerable<IIntegrationCheck> checks) : IScheduledJob
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    public async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var failing = new List<string>();
        var told = 0;
        foreach (var check in checks)
        {
            var result = await RunCheckAsync(check, cancellationToken);
            if (!result.Configured)
            {
                continue;
            }

            if (!result.Healthy)
            {
                failing.Add(check.Name);
            }

            told += await RecordAsync(check.Name, result, cancellationToken);
        }

        var summary = failing.Count == 0 ? "all integrations healthy" : $"failing: {string.Join(", ", failing)}";
        return new JobOutcome(told == 0 ? summary : $"{summary}; {told} notices to admins", told);
    }

    private async Task<CheckResult> RunCheckAsync(IIntegrationCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var result = await check.CheckAsync(timeout.Token);
            return result.Healthy ? result : CheckResult.Failed(HealthText.Clean(result.Error ?? "failed"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Failed($"no answer within {CheckTimeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Failed(HealthText.Clean($"{exception.GetType().Name}: {exception.Message}"));
        }
    }

    /// <returns>How many notices were written.</returns>
    private Task<int> RecordAsync(string integration, CheckResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return store.WriteAsync(session =>
        {
            var before = session.IntegrationHealth.Find(integration);
            if (result.Healthy)
            {
                var recovered = before is { Healthy: false };
                session.IntegrationHealth.Save(recovered || before is null
                    ? new IntegrationState(integration, true, now, now, before?.LastError, false)
                    : before! with { CheckedAt = now });
                return recovered && before!.Alerted ? TellAdmins(session, Notices.IntegrationRecovered, integration, before.Since, before.LastError, now) : 0;
            }

            var incident = before is { Healthy: false }
                ? before with { CheckedAt = now, LastError = result.Error }
                : new IntegrationState(integration, false, now, now, result.Error, false);
            var notices = incident.Alerted ? 0 : TellAdmins(session, Notices.IntegrationDown, integration, incident.Since, result.Error, now);
            session.IntegrationHealth.Save(incident with { Alerted = true });
            return notices;
        }, cancellationToken);
    }

    private static int TellAdmins(ICrmSession session, string kind, string integration, DateTimeOffset since, string? error, DateTimeOffset now)
    {
        var admins = Admins.All(session);
        foreach (var admin in admins)
        {
            var notice = new Notice(kind, new Dictionary<string, string>
            {
                ["integration"] = integration,
                ["since"] = since.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["error"] = error ?? string.Empty,
            });
            session.Outbox.Enqueue(OutboxMessage.New(Guid.CreateVersion7(now), admin.Key, notice, now));
        }

        return admins.Count;
    }
}
