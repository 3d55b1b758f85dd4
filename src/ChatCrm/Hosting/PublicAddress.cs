namespace ChatCrm.Hosting;

/// <summary>The address people's browsers and chat clients reach ChatCrm at, for links the app writes (reports, charts).</summary>
public static class PublicAddress
{
    /// <param name="configured">The setting naming it (e.g. ChatCrm:Reports:PublicBaseUrl); else the first of "urls".</param>
    public static string Of(IConfiguration configuration, string? configured)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configured is { Length: > 0 })
        {
            return configured.TrimEnd('/');
        }

        // "urls" may bind every interface (http://+:5080); a person's client needs a host name.
        var first = (configuration["urls"] ?? ChatCrmHost.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ChatCrmHost.DefaultUrl;
        return first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
