using System.Reflection;
using LiteDB.Engine;

namespace ChatCrm.Storage.LiteDb.Files;

/// <summary>
/// Waits until LiteDB's background log writer has written every page committed so far. LiteDB 5
/// commits into memory and has no public way to wait for that but Checkpoint(), which also copies
/// the whole log into the data file and empties the page cache, so that every unit after it reads
/// its pages from the file again: measured here, 1.8 ms a batch for the checkpoint and units a
/// third slower. This reaches its disk writer queue's own Wait() instead (LiteDB 5.0.20, pinned in
/// Directory.Packages.props). A LiteDB without that member fails at open, so a durable commit is
/// never quietly not durable.
/// </summary>
internal sealed class LogWriteBarrier
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly LiteEngine _engine;
    private readonly FieldInfo _disk;
    private readonly PropertyInfo _queue;
    private readonly PropertyInfo _queueCreated;
    private readonly PropertyInfo _queueValue;
    private readonly MethodInfo _wait;

    private LogWriteBarrier(LiteEngine engine, FieldInfo disk, PropertyInfo queue, PropertyInfo queueCreated, PropertyInfo queueValue, MethodInfo wait)
    {
        _engine = engine;
        _disk = disk;
        _queue = queue;
        _queueCreated = queueCreated;
        _queueValue = queueValue;
        _wait = wait;
    }

    public static LogWriteBarrier For(LiteEngine engine)
    {
        var disk = typeof(LiteEngine).GetField("_disk", Instance);
        var queue = disk?.FieldType.GetProperty("Queue", Instance);
        var queueCreated = queue?.PropertyType.GetProperty(nameof(Lazy<object>.IsValueCreated));
        var queueValue = queue?.PropertyType.GetProperty(nameof(Lazy<object>.Value));
        var wait = queueValue?.PropertyType.GetMethod("Wait", Instance, Type.EmptyTypes);
        if (disk is null || queue is null || queueCreated is null || queueValue is null || wait is null)
        {
            var version = typeof(LiteEngine).Assembly.GetName().Version;
            throw new NotSupportedException(
                $"LiteDB {version} has no disk writer queue to wait for; durable commits are built for LiteDB 5.0.20. Pin that version or turn DurableCommits off.");
        }

        return new LogWriteBarrier(engine, disk, queue, queueCreated, queueValue, wait);
    }

    /// <summary>Returns once the log file holds every page committed before the call.</summary>
    public void WaitForCommittedPages()
    {
        // The engine replaces its disk service when it opens, so it is read on every call.
        var queue = _queue.GetValue(_disk.GetValue(_engine));
        if (queue is null || !(bool)_queueCreated.GetValue(queue)!)
        {
            return;
        }

        _wait.Invoke(_queueValue.GetValue(queue), null);
    }
}
