using ChatCrm.Core.Health;

namespace ChatCrm.Core.Tests.Health;

/// <summary>A check that answers what the test says next: a result, or an exception it throws.</summary>
internal sealed class ScriptedCheck(string name) : IIntegrationCheck
{
    public string Name => name;

    public Func<CheckResult> Next { get; set; } = () => CheckResult.Ok;

    public Task<CheckResult> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(Next());
}
