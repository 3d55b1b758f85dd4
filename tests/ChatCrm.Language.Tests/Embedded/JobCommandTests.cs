using ChatCrm.Language.Embedded;

namespace ChatCrm.Language.Tests.Embedded;

/// <summary>/admin job (or jobs) list|run|pause|resume &lt;name&gt;.</summary>
public sealed class JobCommandTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-18T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly EmbeddedInterpreter _interpreter = new();

    public static TheoryData<string, Intent> Commands() => new()
    {
        { "/admin job list", new ListJobsIntent() },
        { "/admin job", new ListJobsIntent() },
        { "/admin jobs", new ListJobsIntent() },
        { "/admin JOB LIST", new ListJobsIntent() },
        { "/admin job run due-reminders", new RunJobIntent("due-reminders") },
        { "/admin jobs run housekeeping", new RunJobIntent("housekeeping") },
        { "/admin job pause housekeeping", new PauseJobIntent("housekeeping") },
        { "/admin job resume housekeeping", new ResumeJobIntent("housekeeping") },
        { "/admin job pause", new PauseJobIntent(null) },
        { "/admin job delete housekeeping", new UnknownIntent() },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_job_command_means_what_it_says(string text, Intent expected) =>
        Assert.Equal(expected, _interpreter.Interpret(new Utterance(text, Now)).Intent);
}
