namespace ChatCrm.Language.Model;

/// <summary>How the language model is doing, as <c>/health</c> and <c>/admin status</c> show it.</summary>
public enum LanguageModelState
{
    /// <summary>No model is configured: the embedded interpreter reads everything.</summary>
    Off,

    Ok,

    /// <summary>The last call failed; messages are read by the embedded interpreter until one succeeds.</summary>
    Degraded,

    /// <summary>Too many calls failed: the endpoint is left alone for a while and nothing is sent to it.</summary>
    CircuitOpen,
}

/// <param name="FailingSince">When the current stretch of failures began; null while the model answers.</param>
/// <param name="Errors">Calls that failed (timeout, HTTP error, malformed answer, open circuit) since start.</param>
/// <param name="Refused">Answers that were not a usable function call (no call, unknown function, bad arguments).</param>
public sealed record LanguageModelStatus(
    LanguageModelState State,
    long Calls,
    long Errors,
    long Refused,
    DateTimeOffset? FailingSince,
    DateTimeOffset? LastCallAt,
    string? LastError);

/// <summary>
/// Counts what the model path does in this process. It is a view for people, not state that matters:
/// after a restart it starts again from nothing, and the alert's once-per-incident record is in the store.
/// </summary>
public sealed class LanguageModelHealth(TimeProvider clock, bool configured)
{
    private readonly Lock gate = new();
    private long calls;
    private long errors;
    private long refused;
    private bool circuitOpen;
    private DateTimeOffset? failingSince;
    private DateTimeOffset? lastCallAt;
    private string? lastError;

    public bool Configured => configured;

    public void Answered(bool usable, string? problem = null)
    {
        lock (gate)
        {
            calls++;
            lastCallAt = clock.GetUtcNow();
            failingSince = null;
            if (!usable)
            {
                refused++;
                lastError = problem;
            }
        }
    }

    public void Failed(string error)
    {
        lock (gate)
        {
            calls++;
            errors++;
            var now = clock.GetUtcNow();
            lastCallAt = now;
            failingSince ??= now;
            lastError = error;
        }
    }

    /// <summary>The endpoint answered a probe (its model list): it is reachable again, though no message was read.</summary>
    public void Reached()
    {
        lock (gate)
        {
            failingSince = null;
        }
    }

    public void CircuitChanged(bool open)
    {
        lock (gate)
        {
            circuitOpen = open;
        }
    }

    public LanguageModelStatus Status()
    {
        lock (gate)
        {
            var state = !configured ? LanguageModelState.Off
                : circuitOpen ? LanguageModelState.CircuitOpen
                : failingSince is not null ? LanguageModelState.Degraded
                : LanguageModelState.Ok;
            return new LanguageModelStatus(state, calls, errors, refused, failingSince, lastCallAt, lastError);
        }
    }
}

/// <summary>The language path's state as <c>/health</c> writes it (JSON, lower-case words).</summary>
public sealed record LanguageModelReport(string Provider, string State, long Calls, long Errors, long Refused, DateTimeOffset? FailingSince, string? LastError)
{
    public static LanguageModelReport Of(LanguageModelStatus status) => new(
        status.State == LanguageModelState.Off ? "embedded" : "openai",
        status.State switch
        {
            LanguageModelState.Off or LanguageModelState.Ok => "ok",
            LanguageModelState.Degraded => "degraded",
            _ => "circuit_open",
        },
        status.Calls,
        status.Errors,
        status.Refused,
        status.FailingSince,
        status.LastError);
}
