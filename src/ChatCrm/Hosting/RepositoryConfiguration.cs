namespace ChatCrm.Hosting;

public static class RepositoryConfiguration
{
    /// <summary>
    /// The repository's appsettings.json is the app's configuration. Run from the repository root it
    /// is the content root's file; run from anywhere else, the copy built beside the binary is read,
    /// at the lowest priority so environment variables and arguments still override it.
    /// </summary>
    public static void AddBuiltInDefaults(IConfigurationManager configuration)
    {
        var builtIn = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(builtIn))
        {
            configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = builtIn,
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
    }
}
