namespace ChatCrm.Storage.LiteDb.Tests.Support;

/// <summary>A test that needs a second process holding or probing a lock with util-linux flock(1).</summary>
public sealed class LinuxFlockFactAttribute : FactAttribute
{
    public const string FlockPath = "/usr/bin/flock";

    public LinuxFlockFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(FlockPath))
        {
            Skip = "Needs Linux with " + FlockPath + " to run a second process.";
        }
    }
}
