using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatCrm.IntegrationTests;

/// <summary>
/// The real server as an OS process of its own (<c>dotnet ChatCrm.dll</c> built beside the tests),
/// for what an in-process host cannot show: being killed. It listens on a loopback port of its
/// choosing; its last console lines are kept for the failure message.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process) => _process = process;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public int Id => _process.Id;

    /// <summary>The last lines the server wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <summary>Starts the server with these settings (<c>--key=value</c>) and returns once /health answers.</summary>
    public static async Task<ServerProcess> StartAsync(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatCrm.dll"));
        // Port 0 and the host's own "Now listening on" line: no race for a port picked in advance.
        foreach (var argument in (string[])["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start)!);
        server._process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or docker stop send it: the host stops its services and closes the store.</summary>
    public async Task<int> StopAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        try
        {
            if (await Task.WhenAny(_listening.Task, exited) == exited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it listened:{Environment.NewLine}{Output}");
            }

            Client.BaseAddress = await _listening.Task;
            while (true)
            {
                try
                {
                    using var health = await Client.GetAsync("/health", deadline.Token);
                    if (health.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Kestrel announces the address a moment before every part is ready.
                }

                await Task.Delay(50, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The server was not healthy within {timeout}:{Environment.NewLine}{Output}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (ListeningLine().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
