using ChatCrm.Core;
using ChatCrm.Core.Store;
using ChatCrm.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Demo;

/// <summary>Seeds the demo organisation at start when the store is empty and ChatCrm:Demo:SeedOnEmpty is on.</summary>
public sealed class DemoSeeding(ICrmStore store, TimeProvider clock, CrmSettings settings, IOptions<DemoOptions> options, ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SeedOnEmpty && await DemoOrganisation.SeedIfEmptyAsync(store, clock, settings, cancellationToken))
        {
            logger.LogInformation("Seeded the demo organisation: teams east and south, users wang, chen, alice, bob, carol, dave, admin");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
