using System.Net.Http.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// The whole app on a real LiteDB file in a temp folder, with a fake clock that starts on
/// Wednesday 2026-11-18 10:00 in Shanghai. Several instances may share one folder, one after the
/// other, to test restarts.
/// </summary>
public sealed class ChatCrmApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly bool _ownsFolder;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Services a test puts in place of the app's, such as a stand-in for a channel's API.</param>
    public ChatCrmApp(TempFolder? folder = null, FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        _ownsFolder = folder is null;
        Folder = folder ?? new TempFolder();
        Clock = clock ?? new FakeTimeProvider(Start);
    }

    public TempFolder Folder { get; }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => Path.Combine(Folder.Path, "chatcrm.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ChatCrm:Storage:LiteDbPath", DatabasePath);
        builder.UseSetting("ChatCrm:WebChat:Enabled", "true");
        UnscheduleUnrelatedJobs(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    /// <summary>
    /// These jobs fire whenever a test moves the fake clock past their schedule, and their notices
    /// (stale leads of the demo data, a digest) would land in the inboxes that tests about other things
    /// read. Their own tests run them directly or switch them back on through the settings.
    /// </summary>
    public static void UnscheduleUnrelatedJobs(IWebHostBuilder builder)
    {
        foreach (var job in (string[])["stale-leads", "next-step-prompts", "follow-up-evidence", "manager-digest", "integration-health", "permission-health"])
        {
            builder.UseSetting($"ChatCrm:Scheduler:Jobs:{job}:Enabled", "false");
        }
    }

    /// <summary>Sends what a person types and returns what they read back.</summary>
    public async Task<IReadOnlyList<ChatReply>> SayAsync(string user, string text, string conversation = "c1", string? id = null)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/webchat", new WebChatRequest(user, conversation, text, null, id ?? Guid.NewGuid().ToString("N")));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatResponse>())!.Replies;
    }

    /// <summary>Presses a button from an earlier reply.</summary>
    public async Task<IReadOnlyList<ChatReply>> PressAsync(string user, ReplyAction button, string conversation = "c1")
    {
        var request = new WebChatRequest(user, conversation, null, new Dictionary<string, string>(button.Payload), Guid.NewGuid().ToString("N"));
        var response = await CreateClient().PostAsJsonAsync("/api/webchat", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatResponse>())!.Replies;
    }

    public async Task<IReadOnlyList<ChatReply>> InboxAsync(string user)
    {
        var response = await CreateClient().GetFromJsonAsync<WebChatResponse>($"/api/webchat/inbox?user={user}");
        return response!.Replies;
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        catch (ArgumentNullException stopping) when (stopping.StackTrace?.Contains("Host.StopAsync", StringComparison.Ordinal) == true)
        {
            // Now and then (about one run in five here) WebApplicationFactory stops a minimal-API
            // host whose hosted-service list is already gone (dotnet/aspnetcore#40271, the host is
            // stopped and disposed twice). The test has asserted by then; the store is disposed
            // with the service provider either way.
        }

        if (disposing && _ownsFolder)
        {
            Folder.Dispose();
        }
    }

    /// <summary>
    /// Disposes the app and returns once its database is closed. WebApplicationFactory returns from
    /// Dispose while Program's own thread is still stopping and disposing the host (about one time
    /// in eight here), so an app started next on the same folder could find the database's lock
    /// still held ("in use by another ChatCrm process"). A file lock tells no one when it is
    /// released, so this looks until it is free, yielding meanwhile so the host can finish.
    /// </summary>
    public async Task StopAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (ArgumentNullException stopping) when (stopping.StackTrace?.Contains("Host.StopAsync", StringComparison.Ordinal) == true)
        {
            // dotnet/aspnetcore#40271, as in Dispose below.
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var probe = new FileStream(DatabasePath + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                await Task.Delay(10);
            }
        }
    }
}
