using ChatCrm.Language.Model;
using Microsoft.SemanticKernel;

namespace ChatCrm.Language.Tests.Model;

/// <summary>The repository's prompts/ load and render every value; a template that uses a value nobody supplies stops the start.</summary>
public sealed class PromptLibraryTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "chatcrm-prompts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    internal static string RepositoryPrompts()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChatCrm.sln")))
            {
                return Path.Combine(folder.FullName, "prompts");
            }
        }

        throw new InvalidOperationException("The repository root (ChatCrm.sln) is not above the test binary.");
    }

    [Fact]
    public async Task The_understand_prompt_renders_the_date_zone_language_lead_and_stages()
    {
        var prompts = PromptLibrary.Load(RepositoryPrompts());
        var now = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5));

        var rendered = await prompts.RenderAsync(PromptLibrary.Understand, new Kernel(),
            ModelInterpreter.UnderstandValues(new Utterance("…", now, "L-20261118-0007 王总 (Acme <Asia>)"), "en"), default);

        Assert.Contains("Now: 2026-12-31 (Thursday), 23:30, UTC offset -05:00.", rendered, StringComparison.Ordinal);
        Assert.Contains("The user writes in English.", rendered, StringComparison.Ordinal);
        Assert.Contains("The lead linked to this chat: L-20261118-0007 王总 (Acme <Asia>).", rendered, StringComparison.Ordinal);
        Assert.Contains("商务谈判/谈判 → negotiation", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_prompt_renders_the_lead_and_its_follow_ups()
    {
        var prompts = PromptLibrary.Load(RepositoryPrompts());
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));
        var lead = new LeadBrief("L-20261118-0007", "王总", "华为", "proposal", "Alice", null,
            [new FollowUpFact(now.AddDays(-1), "Alice", "call", "high", "报价已发,等反馈")]);

        var rendered = await prompts.RenderAsync(PromptLibrary.Summarize, new Kernel(), ModelLeadSummaries.Values(lead, "zh", now), default);

        Assert.Contains("L-20261118-0007 王总 (华为); stage proposal; owner Alice; next follow-up not set", rendered, StringComparison.Ordinal);
        Assert.Contains("- 2026-11-17 call by Alice, interest high: 报价已发,等反馈", rendered, StringComparison.Ordinal);
        Assert.Contains("in Chinese", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{$todya}}", "{{$todya}} is used in skprompt.txt but not declared in config.json")]
    [InlineData("", "'linked_lead' is declared in config.json but skprompt.txt never uses it")]
    public void A_prompt_whose_variables_do_not_match_stops_the_start(string replacement, string problem)
    {
        CopyPrompts();
        var template = Path.Combine(_copy, "understand", "skprompt.txt");
        File.WriteAllText(template, File.ReadAllText(template).Replace("{{$linked_lead}}", replacement, StringComparison.Ordinal));

        var failure = Assert.Throws<PromptFolderException>(() => PromptLibrary.Load(_copy));

        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_copy, "understand"), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_prompt_folder_is_named()
    {
        CopyPrompts();
        Directory.Delete(Path.Combine(_copy, "summarize"), recursive: true);

        var failure = Assert.Throws<PromptFolderException>(() => PromptLibrary.Load(_copy));

        Assert.Contains("summarize' needs skprompt.txt and config.json", failure.Message, StringComparison.Ordinal);
    }

    private void CopyPrompts()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPrompts(), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(RepositoryPrompts(), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
