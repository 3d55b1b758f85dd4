using ChatCrm.Cli;
using ChatCrm.Hosting;
using ChatCrm.Storage.LiteDb;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

try
{
    await ChatCrmHost.Build(args).RunAsync();
    return 0;
}
catch (StoreInUseException inUse)
{
    Console.Error.WriteLine(inUse.Message);
    return 2;
}

/// <summary>Reachable by WebApplicationFactory in the integration tests.</summary>
public partial class Program;
