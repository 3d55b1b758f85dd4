using System.CommandLine;
using ChatCrm.Core.Audit;
using ChatCrm.Core.Store;
using ChatCrm.Hosting;
using ChatCrm.Storage.LiteDb;

namespace ChatCrm.Cli;

/// <summary>
/// `audit verify`: walks the audit trail's hash chain on the store's file and says whether it holds,
/// or where it first breaks. Opens the store itself, so it takes the store's lock: with the server
/// running, ask it instead (/admin audit verify in the chat). Exit code 0 holds, 1 broken, 2 store in use.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database") { Description = "The LiteDB file to check, e.g. a backup copy (default: ChatCrm:Storage:LiteDbPath)" };
        var verify = new Command("verify", "Check that no audit entry was changed, removed or slipped in (the hash chain)") { database };
        verify.SetAction((result, cancellationToken) => VerifyAsync(result.GetValue(database), cancellationToken));
        return new Command("audit", "The audit trail") { verify };
    }

    private static async Task<int> VerifyAsync(string? database, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        RepositoryConfiguration.AddBuiltInDefaults(builder.Configuration);
        if (database is not null)
        {
            builder.Configuration["ChatCrm:Storage:LiteDbPath"] = Path.GetFullPath(database);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddChatCrmServices();
        // Built, never started: no job, dispatcher or seeding runs while the chain is read.
        using var host = builder.Build();
        ICrmStore store;
        try
        {
            store = host.Services.GetRequiredService<ICrmStore>();
        }
        catch (StoreInUseException inUse)
        {
            Console.Error.WriteLine(inUse.Message);
            Console.Error.WriteLine("Ask the running server instead: send /admin audit verify in the chat as an admin.");
            return 2;
        }

        var report = await new VerifyAuditChain(store).VerifyAsync(cancellationToken);
        Console.WriteLine($"entries verified: {report.Verified}");
        if (report.Unsealed > 0)
        {
            Console.WriteLine($"entries from before the chain (not covered): {report.Unsealed}");
        }

        if (report.HeadHash is { } head)
        {
            Console.WriteLine($"head hash: {head}");
        }

        if (report.Break is { } broken)
        {
            Console.WriteLine($"BROKEN at entry {broken.Sequence}: {broken.Reason}{(broken.EntryId is { } id ? $" (entry {id})" : string.Empty)}");
            return 1;
        }

        Console.WriteLine("the audit chain holds");
        return 0;
    }
}
