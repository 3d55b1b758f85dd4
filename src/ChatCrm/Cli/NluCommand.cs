using System.CommandLine;
using ChatCrm.Language.Embedded;
using ChatCrm.Language.Evaluation;

namespace ChatCrm.Cli;

/// <summary>`nlu parse --input FILE`: what the embedded interpreter understands of each case, one JSON line each.</summary>
public static class NluCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON lines {\"id\",\"now\",\"text\"} (\"-\" for standard input)", Required = true };
        var parse = new Command("parse", "Interpret each case and write {\"id\",\"intent\",\"slots\"} lines to standard output") { input };
        parse.SetAction(async (result, cancellationToken) =>
        {
            var file = result.GetValue(input)!;
            if (file.Name != "-" && !file.Exists)
            {
                await Console.Error.WriteLineAsync($"No such file: {file.FullName}");
                return 2;
            }

            using var reader = file.Name == "-" ? Console.In : new StreamReader(file.FullName);
            var output = Console.Out;
            await NluBatch.RunAsync(reader, output, new EmbeddedInterpreter(), cancellationToken);
            await output.FlushAsync(cancellationToken);
            return 0;
        });
        return new Command("nlu", "Natural-language tools") { parse };
    }
}
