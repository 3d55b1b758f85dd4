using System.Net;
using System.Net.Http.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.IntegrationTests.Browser;

/// <summary>
/// The whole app as <see cref="ChatCrmApp"/> runs it (temp LiteDB file, fake clock at
/// <see cref="ChatCrmApp.Start"/>, web chat on), but served by Kestrel on 127.0.0.1 and a free
/// port, so that a real browser can load the page.
/// </summary>
public sealed class WebChatServer : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Configuration on top of the test defaults, such as turning Teams on.</param>
    public WebChatServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        RootUri = new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>Where the page is, e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri { get; }

    public FakeTimeProvider Clock { get; } = new(ChatCrmApp.Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ChatCrm:Storage:LiteDbPath", Path.Combine(_folder.Path, "chatcrm.db"));
        builder.UseSetting("ChatCrm:WebChat:Enabled", "true");
        ChatCrmApp.UnscheduleUnrelatedJobs(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Someone else types into their own chat, over real HTTP, while the page is open.</summary>
    public async Task<IReadOnlyList<ChatReply>> SayAsync(string user, string text, string conversation = "api")
    {
        using var http = new HttpClient { BaseAddress = RootUri };
        var response = await http.PostAsJsonAsync("api/webchat", new WebChatRequest(user, conversation, text, null, Guid.NewGuid().ToString("N")));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WebChatResponse>())!.Replies;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
