using ChatCrm.Core;
using ChatCrm.Core.Personal;
using ChatCrm.Core.Reports;
using ChatCrm.Core.Reports.Tallies;
using ChatCrm.Core.Store;
using ChatCrm.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class StorageSetup
{
    /// <summary>
    /// The embedded LiteDB store. Opening it takes the database's lock file, so a second ChatCrm
    /// process on the same file stops at start with a message instead of corrupting it.
    /// </summary>
    public static IHostApplicationBuilder AddLiteDbStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPersonalDataProtector, PlainPersonalData>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var path = Path.GetFullPath(options.LiteDbPath, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
            // The tallies count leads on the organisation's calendar, leaving out what reports leave out.
            var tallyRules = TallyRules.Of(services.GetRequiredService<CrmSettings>(), services.GetService<ReportSettings>() ?? ReportSettings.Default);
            return new LiteDbCrmStore(
                new LiteDbStoreOptions { DatabasePath = path, DurableCommits = options.DurableCommits, ReportTallies = tallyRules },
                services.GetRequiredService<IPersonalDataProtector>());
        });
        builder.Services.AddSingleton<ICrmStore>(services => services.GetRequiredService<LiteDbCrmStore>());
        return builder;
    }
}
