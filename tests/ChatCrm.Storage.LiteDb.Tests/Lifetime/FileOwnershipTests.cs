using System.Diagnostics;
using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Lifetime;

/// <summary>Two writers corrupt a LiteDB file for good: one store, in one process, owns it.</summary>
public sealed class FileOwnershipTests : IDisposable
{
    private readonly StoreFolder _folder = new();

    private string LockFile => _folder.DatabasePath + ".lock";

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Opening_creates_the_databases_folder_and_file()
    {
        using var store = _folder.Open();

        Assert.True(File.Exists(_folder.DatabasePath));
    }

    [Fact]
    public void A_second_store_on_the_same_file_is_refused_while_the_first_is_open()
    {
        using var first = _folder.Open();

        var refusal = Assert.Throws<StoreInUseException>(() => _folder.Open());

        Assert.Contains(_folder.DatabasePath, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("in use by another ChatCrm process", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(LockFile, refusal.LockFilePath);
    }

    [Fact]
    public async Task The_first_store_works_on_after_a_second_was_refused()
    {
        using var first = _folder.Open();
        Assert.Throws<StoreInUseException>(() => _folder.Open());

        await first.Write(session => session.Leads.Insert(TestLeads.Create("L-1")));

        Assert.NotNull(await first.Read(session => session.Leads.Find("L-1")));
    }

    [Fact]
    public void Disposing_the_store_frees_the_file_for_the_next_one()
    {
        _folder.Open().Dispose();

        using var next = _folder.Open();
    }

    [LinuxFlockFact]
    public async Task Another_process_cannot_take_the_lock_while_the_store_is_open()
    {
        int whileOpen;
        using (_folder.Open())
        {
            whileOpen = await FlockExitCodeAsync("--nonblock", LockFile, "true");
        }

        var afterClose = await FlockExitCodeAsync("--nonblock", LockFile, "true");

        Assert.NotEqual(0, whileOpen);
        Assert.Equal(0, afterClose);
    }

    [LinuxFlockFact]
    public async Task The_store_refuses_to_open_while_another_process_holds_the_lock()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockFile)!);
        using var holder = Process.Start(new ProcessStartInfo(LinuxFlockFactAttribute.FlockPath)
        {
            ArgumentList = { LockFile, "-c", "echo locked; read line" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());

        Assert.Throws<StoreInUseException>(() => _folder.Open());

        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
    }

    private static async Task<int> FlockExitCodeAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(LinuxFlockFactAttribute.FlockPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
