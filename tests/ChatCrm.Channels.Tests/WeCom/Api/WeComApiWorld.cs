using System.Collections.Concurrent;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.WeCom;
using ChatCrm.Channels.WeCom.Api;
using ChatCrm.Core.Access;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Channels.Tests.WeCom.Api;

/// <summary>
/// The WeCom API side as the host registers it (<see cref="WeComApiSetup.AddWeComApi"/>), against
/// <see cref="FakeWeComApi"/> on loopback, with a fake app clock, a store on a temp LiteDB file
/// holding two admins for alerts, and every log line kept.
/// </summary>
public sealed class WeComApiWorld : IAsyncDisposable
{
    public const int AgentId = 1000002;

    private readonly string _folder = Directory.CreateTempSubdirectory("chatcrm-wecom-").FullName;
    private readonly LiteDbCrmStore _store;
    private readonly ServiceProvider _services;

    private WeComApiWorld(FakeWeComApi wecom, Action<WeComOptions>? configure)
    {
        WeCom = wecom;
        _store = new LiteDbCrmStore(new LiteDbStoreOptions { DatabasePath = Path.Combine(_folder, "crm.db") }, new PlainPersonalData());
        _store.WriteAsync(session =>
        {
            session.People.Save(new User("admin", "Admin", Role.Admin, null, []));
            session.People.Save(new User("ops", "Ops", Role.Admin, null, []));
            session.People.Save(new User("alice", "Alice", Role.Salesperson, null, []));
            return true;
        }, default).GetAwaiter().GetResult();

        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new KeepingLoggerProvider(Logs)))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<ICrmStore>(_store)
            .AddSingleton<RaiseIntegrationAlert>();
        services.AddOptions<WeComOptions>().Configure(options =>
        {
            options.Enabled = true;
            options.CorpId = FakeWeComApi.CorpId;
            options.AgentId = AgentId;
            options.Secret = FakeWeComApi.Secret;
            options.Token = "callback-token";
            options.EncodingAesKey = new string('a', 43);
            options.ApiBaseUrl = wecom.ApiBaseUrl;
            configure?.Invoke(options);
        });
        services.AddWeComApi(api =>
        {
            // The production timeout: no test here waits for it to run out, and a shorter one made a
            // loaded machine retry gettoken (two requests where the tests count one).
            api.AttemptTimeout = TimeSpan.FromSeconds(10);
            api.QuickRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        _services = services.BuildServiceProvider();
    }

    public FakeWeComApi WeCom { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8)));

    public ConcurrentQueue<string> Logs { get; } = new();

    public WeComAccessTokens Tokens => _services.GetRequiredService<WeComAccessTokens>();

    public IWeComApi Api => _services.GetRequiredService<IWeComApi>();

    public IChannelSender Sender => Assert.Single(_services.GetServices<IChannelSender>());

    public static async Task<WeComApiWorld> StartAsync(Action<WeComOptions>? configure = null) => new(await FakeWeComApi.StartAsync(), configure);

    /// <summary>The alerts the admins have been sent, per admin.</summary>
    public Task<IReadOnlyList<Notice>> AlertsForAsync(string admin) =>
        _store.ReadAsync<IReadOnlyList<Notice>>(
            session => [.. session.Outbox.PendingFor(admin, 50).Select(message => message.Notice!).Where(notice => notice.Kind == Notices.IntegrationFailing)],
            default);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await WeCom.DisposeAsync();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class KeepingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a sink may store them even where the message leaves them out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : string.Empty;
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
