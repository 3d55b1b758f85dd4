using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Hosting;

/// <summary>ChatCrm:Storage — where the embedded database lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "ChatCrm:Storage";

    /// <summary>The LiteDB file, relative to the content root (the folder the app runs from).</summary>
    [Required]
    public string LiteDbPath { get; set; } = "data/chatcrm.db";

    /// <summary>
    /// Flush every commit to disk before answering (the default). Off, a crash may lose the last
    /// moments of acknowledged writes; only for throwaway stores.
    /// </summary>
    public bool DurableCommits { get; set; } = true;
}

/// <summary>ChatCrm:Demo — the demo organisation seeded into an empty store.</summary>
public sealed class DemoOptions
{
    public const string Section = "ChatCrm:Demo";

    public bool SeedOnEmpty { get; set; } = true;
}

/// <summary>ChatCrm:WebChat — the browser chat for trying the product.</summary>
public sealed class WebChatOptions
{
    public const string Section = "ChatCrm:WebChat";

    /// <summary>
    /// On in Development, off elsewhere unless set: the web chat lets anyone pick any user, so it
    /// must not face the internet until it has a real sign-in.
    /// </summary>
    public bool? Enabled { get; set; }
}

/// <summary>ChatCrm:Crm — the organisation's rules.</summary>
public sealed class CrmOptions
{
    public const string Section = "ChatCrm:Crm";

    /// <summary>IANA zone of the organisation: lead numbers' dates and "today" follow it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    [Range(1, 365)]
    public int StaleAfterDays { get; set; } = 7;

    [Range(1, 1440)]
    public int UndoWindowMinutes { get; set; } = 10;
}
