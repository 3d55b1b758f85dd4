using ChatCrm.Channels.Outbound;
using ChatCrm.Core.Notifications;
using ChatCrm.Core.Store;
using ChatCrm.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.IntegrationTests;

/// <summary>The dispatcher on the app's real store and clock, with a stand-in platform.</summary>
public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly ChatCrmApp _app = new();
    private readonly WebApplicationFactory<Program> _host;
    private readonly ICrmStore _store;
    private readonly StandInPlatform _platform = new();
    private readonly OutboxDispatcher _dispatcher;

    public OutboxDispatcherTests()
    {
        // The test drives the dispatcher itself; the app's own (if registered) would race it.
        _host = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            foreach (var hosted in services.Where(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(OutboxDispatcher)).ToList())
            {
                services.Remove(hosted);
            }
        }));
        _store = _host.Services.GetRequiredService<ICrmStore>();
        _dispatcher = new OutboxDispatcher(new DispatchOutbox(_store, _app.Clock), [_platform], _app.Clock, NullLogger<OutboxDispatcher>.Instance);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Each_due_delivery_is_sent_retried_or_dead_lettered_by_what_its_platform_answered()
    {
        var sent = await EnqueueAsync(StandInPlatform.Channel, "ok");
        var busy = await EnqueueAsync(StandInPlatform.Channel, "busy");
        var bad = await EnqueueAsync(StandInPlatform.Channel, "bad");
        var broken = await EnqueueAsync(StandInPlatform.Channel, "throws");
        var nowhere = await EnqueueAsync("carrier-pigeon", "ok");

        var handled = await _dispatcher.DispatchOnceAsync(default);

        Assert.Equal(5, handled);
        Assert.Equal((OutboxState.Delivered, 1, null), Row(await FindAsync(sent)));
        Assert.Equal((OutboxState.Pending, 1, "busy"), Row(await FindAsync(busy)));
        Assert.Equal(ChatCrmApp.Start.AddSeconds(30), (await FindAsync(busy)).NextAttemptAt);
        Assert.Equal((OutboxState.DeadLettered, 1, "no room for it"), Row(await FindAsync(bad)));
        Assert.Equal((OutboxState.Pending, 1, "the platform fell over"), Row(await FindAsync(broken)));
        Assert.Equal((OutboxState.DeadLettered, 1, "no sender for channel carrier-pigeon"), Row(await FindAsync(nowhere)));
    }

    [Fact]
    public async Task A_retried_delivery_is_sent_when_it_comes_due_and_only_then()
    {
        var busy = await EnqueueAsync(StandInPlatform.Channel, "busy");
        await _dispatcher.DispatchOnceAsync(default);
        _platform.Recovered = true;

        var tooEarly = await _dispatcher.DispatchOnceAsync(default);
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        var due = await _dispatcher.DispatchOnceAsync(default);

        Assert.Equal((0, 1), (tooEarly, due));
        var delivered = await FindAsync(busy);
        Assert.Equal((OutboxState.Delivered, 2), (delivered.State, delivered.Attempts));
        Assert.Equal(2, _platform.AttemptsAt("busy"));
    }

    [Fact]
    public async Task Nothing_due_handles_nothing()
    {
        Assert.Equal(0, await _dispatcher.DispatchOnceAsync(default));
    }

    private static (OutboxState, int, string?) Row(OutboxMessage message) => (message.State, message.Attempts, message.LastError);

    private async Task<Guid> EnqueueAsync(string channel, string address)
    {
        var now = _app.Clock.GetUtcNow();
        var message = OutboxMessage.Send(Guid.CreateVersion7(now), "alice", new Delivery(channel, address, "{}"), now);
        await _store.WriteAsync(session =>
        {
            session.Outbox.Enqueue(message);
            return true;
        }, default);
        return message.Id;
    }

    private async Task<OutboxMessage> FindAsync(Guid id) =>
        await _store.ReadAsync(session => session.Outbox.Find(id), default) ?? throw new InvalidOperationException($"{id} is not stored");

    /// <summary>Stands in for a chat platform: answers by the delivery's address.</summary>
    private sealed class StandInPlatform : IChannelSender
    {
        public const string Channel = "stand-in";

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _attempts = new();

        public bool Recovered { get; set; }

        string IChannelSender.Channel => Channel;

        public int AttemptsAt(string address) => _attempts.GetValueOrDefault(address);

        public Task<SendOutcome> SendAsync(Delivery delivery, CancellationToken cancellationToken)
        {
            _attempts.AddOrUpdate(delivery.Address, 1, (_, count) => count + 1);
            return delivery.Address switch
            {
                "ok" => Task.FromResult(SendOutcome.Sent),
                "busy" when Recovered => Task.FromResult(SendOutcome.Sent),
                "busy" => Task.FromResult(SendOutcome.RetryLater("busy", TimeSpan.FromSeconds(30))),
                "bad" => Task.FromResult(SendOutcome.Rejected("no room for it")),
                _ => throw new InvalidOperationException("the platform fell over"),
            };
        }
    }
}
