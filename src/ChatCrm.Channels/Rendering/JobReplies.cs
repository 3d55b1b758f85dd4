using ChatCrm.Channels.Conversation;
using ChatCrm.Core;
using ChatCrm.Core.Scheduling;
using ChatCrm.Language;

namespace ChatCrm.Channels.Rendering;

/// <summary>What an admin reads back from the /admin job commands.</summary>
public sealed class JobReplies(CrmSettings settings)
{
    /// <summary>Each job: what it does, when it runs (cron and zone), its next run and its last run; a Run now and a Pause or Resume button each.</summary>
    public ChatReply List(IReadOnlyList<JobStatus> jobs, string language)
    {
        if (jobs.Count == 0)
        {
            return ChatReply.Plain(Say.In(language, "没有定时任务。", "There are no scheduled jobs."));
        }

        var facts = jobs.Select(status => new ReplyFact(Label(status, language), Lines(status, language))).ToList();
        var buttons = jobs.SelectMany(status => new[]
        {
            ReplyWriter.Button(Say.In(language, "立即运行 {0}", "Run {0} now", status.Job.Name), new RunJobIntent(status.Job.Name), language),
            status.Paused
                ? ReplyWriter.Button(Say.In(language, "恢复 {0}", "Resume {0}", status.Job.Name), new ResumeJobIntent(status.Job.Name), language)
                : ReplyWriter.Button(Say.In(language, "暂停 {0}", "Pause {0}", status.Job.Name), new PauseJobIntent(status.Job.Name), language),
        }).ToList();
        return new ChatReply(Say.In(language, "定时任务:", "Scheduled jobs:"), facts, buttons);
    }

    public ChatReply Changed(JobChanged changed, string language) => changed.Change switch
    {
        JobChange.RunRequested => ChatReply.Plain(Say.In(language,
            "已开始运行 {0},完成后会记在 /admin job list 里。",
            "{0} is running now; its outcome will show in /admin job list.",
            changed.Name)),
        JobChange.Paused => ChatReply.Plain(Say.In(language,
            "已暂停 {0}:它不再按计划运行(重启后也保持暂停),直到 /admin job resume {0}。",
            "Paused {0}: it won't run on its schedule (even after a restart) until /admin job resume {0}.",
            changed.Name)),
        _ => ChatReply.Plain(Say.In(language,
            "已恢复 {0},下次运行:{1}。",
            "Resumed {0}; next run {1}.",
            changed.Name,
            Next(changed.NextRunAt, language))),
    };

    private static string Label(JobStatus status, string language)
    {
        var state = !status.Job.Enabled ? Say.In(language, "已停用", "off")
            : status.Paused ? Say.In(language, "已暂停", "paused")
            : Say.In(language, "运行中", "on");
        return $"{status.Job.Name} · {state}";
    }

    private string Lines(JobStatus status, string language)
    {
        var job = status.Job;
        var lines = new List<string>
        {
            job.Description,
            Say.In(language, "计划 {0}({1})· 下次 {2}", "schedule {0} ({1}) · next {2}", job.Cron, job.TimeZoneId, Next(status.Paused ? null : job.NextRunAt, language)),
        };
        if (status.LastRun is { } run)
        {
            var outcome = run.Outcome == JobRunOutcome.Succeeded ? Say.In(language, "成功", "succeeded") : Say.In(language, "失败", "failed");
            var how = run.RunNowBy is { } by ? Say.In(language, "({0} 手动运行)", " (run now by {0})", by) : string.Empty;
            lines.Add(Say.In(language, "上次 {0} {1}{2}:{3}", "last {0} {1}{2}: {3}", Moment(run.StartedAt), outcome, how, run.Error ?? run.Summary));
        }
        else
        {
            lines.Add(Say.In(language, "还没有运行过", "has not run yet"));
        }

        return string.Join("\n", lines);
    }

    private string Next(DateTimeOffset? next, string language) => next is { } at ? Moment(at) : Say.In(language, "无", "none");

    // Seconds matter here: jobs run at second 0 and an admin compares runs a minute apart.
    private string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, settings.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
