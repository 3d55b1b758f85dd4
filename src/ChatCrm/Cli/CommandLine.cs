using System.CommandLine;

namespace ChatCrm.Cli;

/// <summary>The command-line verbs: `chat`, `nlu parse`, `bench`, `teams-package` and `audit verify`. Anything else starts the server.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["chat", "nlu", "bench", "teams-package", "audit"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ChatCrm: a chat-first CRM. Without a verb, runs the server.");
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(NluCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(TeamsPackageCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
