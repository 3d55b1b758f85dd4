using System.Collections.Concurrent;
using ChatCrm.IntegrationTests.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCrm.IntegrationTests.Access;

/// <summary>
/// A day of work with phones and emails in it (a form lead, a lead typed in chat, a duplicate, a
/// refused form, lists, a transfer, a reveal), with every log line the app writes at any level
/// captured: no full phone or email shows in a log line, and none in a reply but the audited reveal.
/// </summary>
public sealed class MaskedContactTests : IDisposable
{
    private const string FormPhone = "13912345678";
    private const string FormEmail = "chen.jing@example.com";
    private const string ChatPhone = "13700002222";

    private readonly EveryLogLine _logs = new();
    private readonly ChatCrmApp _app;
    private readonly IntakeClient _intake;

    public MaskedContactTests()
    {
        _app = new ChatCrmApp(
            settings: new Dictionary<string, string>(IntakeClient.Settings) { ["Logging:LogLevel:Default"] = "Trace" },
            services: services => services.AddSingleton<ILoggerProvider>(_logs));
        _intake = new IntakeClient(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task No_full_phone_or_email_reaches_a_log_line_or_a_reply_except_the_audited_reveal()
    {
        var replies = new List<string>();
        async Task SayAsync(string user, string text) =>
            replies.AddRange((await _app.SayAsync(user, text)).Select(reply => reply.Text + " | " + string.Join(" | ", reply.Facts.Select(fact => fact.Value))));

        (await _intake.PostJsonAsync("webform", new { name = "陈静", phone = FormPhone, email = FormEmail, company = "星河科技" })).EnsureSuccessStatusCode();
        await _intake.PostJsonAsync("webform", new { name = "陈静二", phone = FormPhone });
        await _intake.PostJsonAsync("webform", new { name = "坏号码", phone = "12345" });
        await SayAsync("alice", $"新建线索:赵六,{ChatPhone},字节");
        await SayAsync("alice", $"新建线索:赵七,{ChatPhone},字节");
        await SayAsync("alice", "今天给赵六打了电话,他很感兴趣,下周三再跟进");
        await SayAsync("wang", "/leads unclaimed");
        await SayAsync("wang", "/claim 陈静");
        await SayAsync("wang", "/transfer 陈静 bob");
        await SayAsync("bob", "/leads");
        var revealed = await _app.SayAsync("alice", "/phone 赵六");

        Assert.NotEmpty(_logs.Lines);
        foreach (var secret in new[] { FormPhone, FormEmail, ChatPhone })
        {
            Assert.DoesNotContain(_logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(replies, reply => reply.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(replies, reply => reply.Contains("137****2222", StringComparison.Ordinal));
        Assert.Contains("+86" + ChatPhone, Assert.Single(revealed).Facts.Select(fact => fact.Value));
    }

    /// <summary>Every line logged, at every level, with its exception.</summary>
    private sealed class EveryLogLine : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(EveryLogLine logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                logs.Lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
