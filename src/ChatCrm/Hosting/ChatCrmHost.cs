using ChatCrm.Channels;
using ChatCrm.Channels.WeCom.Sidebar;
using ChatCrm.Demo;
using ChatCrm.Endpoints;
using ChatCrm.Jobs;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

/// <summary>The web host: what Program.cs builds and maps, kept here so tests and the CLI share it.</summary>
public static class ChatCrmHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        RepositoryConfiguration.AddBuiltInDefaults(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddChatCrmServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The app is up whatever the model does; the language path says how it is doing beside it.
        app.MapGet("/health", (Language.Model.LanguageModelHealth language) => TypedResults.Ok(new
        {
            status = "ok",
            language = Language.Model.LanguageModelReport.Of(language.Status()),
        }));
        if (app.IsWeComEnabled())
        {
            app.MapWeCom();
        }

        if (app.IsTeamsEnabled())
        {
            app.MapTeams();
            app.MapTeamsTab();
        }

        app.MapSidebar();
        app.MapIntake();
        app.MapDigestReports();
        app.MapCharts();
        app.MapDashboard();
        app.MapReportExports();
        app.MapExports();
        app.MapHrOffboarding();
        app.MapPartnerApi();

        if (app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled ?? app.Environment.IsDevelopment())
        {
            // The page is built beside the binary, so it is found whatever folder the app runs from.
            var pages = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
            app.MapWebChat();
        }
        else
        {
            app.MapGet("/", () => TypedResults.Text(
                "ChatCrm is running. The web chat is off: it is for trying the product and has no sign-in. Set ChatCrm:WebChat:Enabled=true to turn it on."));
        }

        return app;
    }

    /// <summary>Everything the product runs on, for the web host and the command-line verbs alike.</summary>
    public static IHostApplicationBuilder AddChatCrmServices(this IHostApplicationBuilder builder)
    {
        builder.AddChatCrmCore();
        builder.AddLiteDbStorage();
        builder.Services.AddConversation();
        builder.AddLanguageModel();
        builder.AddReports();
        builder.AddTeams();
        builder.AddWeCom();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddHostedService<DemoSeeding>();
        builder.AddAssignment();
        // After the demo seeding, so a configured source's team exists when it is bootstrapped.
        builder.AddIntake();
        builder.Services.AddHostedService<InterpreterWarmUp>();
        builder.Services.AddHostedService<NoticeRouter>();
        builder.Services.AddHostedService<InboundProcessor>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.AddFollowUpDiscipline();
        builder.AddDigestAndHealth();
        builder.AddHighRiskOperations();
        // Last, so the jobs start after the store is seeded and the rules applied.
        builder.AddScheduler();
        builder.AddOffboarding();
        return builder;
    }
}
