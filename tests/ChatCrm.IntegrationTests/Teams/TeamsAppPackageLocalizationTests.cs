using System.Text.Json.Nodes;
using ChatCrm.Language;
using ChatCrm.Language.Embedded;

namespace ChatCrm.IntegrationTests.Teams;

/// <summary>
/// The package speaks both languages the bot does: every string a person reads in Teams has a
/// Chinese translation, and every bot command title, which Teams sends as the message when picked,
/// means to the interpreter what its slash command means, in English and in Chinese.
/// </summary>
public sealed class TeamsAppPackageLocalizationTests(BuiltTeamsPackage package) : IClassFixture<BuiltTeamsPackage>
{
    // The English title of each bot command and the slash command it stands for.
    private static readonly Dictionary<string, string> SlashCommandOf = new(StringComparer.Ordinal)
    {
        ["help"] = "/help",
        ["my leads"] = "/leads mine",
        ["stale leads"] = "/leads stale",
        ["unclaimed leads"] = "/leads unclaimed",
        ["due today"] = "/leads today",
        ["undo"] = "/undo",
        ["link"] = "/link",
    };

    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_chinese_file_translates_every_string_a_person_reads()
    {
        var missing = ReadableKeys(package.Manifest).Where(key => package.Localization[key] is null).ToList();

        Assert.True(missing.Count == 0, "zh-cn.json lacks " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_scope_lists_every_slash_command()
    {
        var lists = package.Manifest["bots"]![0]!["commandLists"]!.AsArray();

        Assert.All(lists, list => Assert.Equal(SlashCommandOf.Keys.Order(), list!["commands"]!.AsArray().Select(command => command!["title"]!.GetValue<string>()).Order()));
        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(list => list!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>())).Order());
    }

    [Fact]
    public void Every_command_title_means_what_its_slash_command_means_in_both_languages()
    {
        var interpreter = new EmbeddedInterpreter();
        var mismatches = new List<string>();
        foreach (var (key, english) in CommandTitles(package.Manifest))
        {
            var meant = interpreter.Interpret(new Utterance(SlashCommandOf[english], Now)).Intent;
            foreach (var title in new[] { english, package.Localization[key]!.GetValue<string>() })
            {
                var understood = interpreter.Interpret(new Utterance(title, Now)).Intent;
                if (understood != meant)
                {
                    mismatches.Add($"\"{title}\" ({key}) is {understood}, not {meant}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static IEnumerable<(string Key, string Title)> CommandTitles(JsonObject manifest)
    {
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]!["commands"]!.AsArray();
            for (var command = 0; command < commands.Count; command++)
            {
                yield return ($"bots[0].commandLists[{list}].commands[{command}].title", commands[command]!["title"]!.GetValue<string>());
            }
        }
    }

    // The localization keys (as Teams names them) of the strings the manifest shows to people.
    private static IEnumerable<string> ReadableKeys(JsonObject manifest)
    {
        string[] always = ["name.short", "name.full", "description.short", "description.full"];
        foreach (var key in always)
        {
            yield return key;
        }

        var tabs = manifest["staticTabs"]!.AsArray();
        for (var tab = 0; tab < tabs.Count; tab++)
        {
            if (tabs[tab]!["name"] is not null)
            {
                yield return $"staticTabs[{tab}].name";
            }
        }

        foreach (var (key, _) in CommandTitles(manifest))
        {
            yield return key;
            yield return key.Replace(".title", ".description", StringComparison.Ordinal);
        }

        var actions = manifest["composeExtensions"]![0]!["commands"]!.AsArray();
        for (var action = 0; action < actions.Count; action++)
        {
            yield return $"composeExtensions[0].commands[{action}].title";
            yield return $"composeExtensions[0].commands[{action}].description";
        }
    }
}
