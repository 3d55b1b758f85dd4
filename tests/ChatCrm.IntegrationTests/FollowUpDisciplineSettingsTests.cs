using ChatCrm.Core.Discipline;
using ChatCrm.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.IntegrationTests;

/// <summary>ChatCrm:Scheduler:StaleLeads and its neighbours: teams set their own thresholds, and a mistake stops the app naming the setting.</summary>
public sealed class FollowUpDisciplineSettingsTests
{
    [Theory]
    [InlineData("ChatCrm:Scheduler:StaleLeads:AfterDays", "0", "ChatCrm:Scheduler:StaleLeads: AfterDays must be at least 1")]
    [InlineData("ChatCrm:Scheduler:StaleLeads:Teams:east:ReturnToPoolAfterDays", "-2", "ChatCrm:Scheduler:StaleLeads:Teams:east: ReturnToPoolAfterDays must be at least 1")]
    [InlineData("ChatCrm:Scheduler:FollowUpEvidence:DayEnd", "6pm", "ChatCrm:Scheduler:FollowUpEvidence:DayEnd '6pm' is not a time of day")]
    public void A_mistake_stops_the_app_at_start_naming_the_setting(string setting, string value, string message)
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string> { [setting] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_s_own_thresholds_take_what_they_leave_out_from_the_top_level_and_the_organisation()
    {
        using var app = new ChatCrmApp(settings: new Dictionary<string, string>
        {
            ["ChatCrm:Crm:StaleAfterDays"] = "5",
            ["ChatCrm:Scheduler:StaleLeads:ReturnToPoolAfterDays"] = "10",
            ["ChatCrm:Scheduler:StaleLeads:Teams:east:ManagerAfterDays"] = "1",
            ["ChatCrm:Scheduler:StaleLeads:Teams:south:ReturnToPoolAfterDays"] = "0",
        });
        app.CreateClient();

        var policy = app.Services.GetRequiredService<StaleLeadPolicy>();

        Assert.Equal(new StaleThresholds(5, 3, 10), policy.For("west"));
        Assert.Equal(new StaleThresholds(5, 1, 10), policy.For("east"));
        Assert.Equal(new StaleThresholds(5, 3, null), policy.For("south"));
    }

    [Fact]
    public void The_three_jobs_are_registered_for_the_scheduler()
    {
        using var app = new ChatCrmApp();
        app.CreateClient();

        var jobs = app.Services.GetServices<ScheduledJobDefinition>().Select(job => (job.Name, job.DefaultCron)).ToList();

        Assert.Contains(("stale-leads", "0 0 * * * ?"), jobs);
        Assert.Contains(("next-step-prompts", "0 0/15 * * * ?"), jobs);
        Assert.Contains(("follow-up-evidence", "0 0/15 * * * ?"), jobs);
    }
}
