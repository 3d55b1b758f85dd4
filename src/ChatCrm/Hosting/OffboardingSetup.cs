using System.Globalization;
using System.Threading.RateLimiting;
using ChatCrm.Core.Offboarding;
using ChatCrm.Core.Partners;
using ChatCrm.Endpoints;
using ChatCrm.Offboarding;
using ChatCrm.Partners;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Hosting;

public static class OffboardingSetup
{
    /// <summary>
    /// Offboarding and partner keys: their settings (ChatCrm:Offboarding, ChatCrm:Partners, checked
    /// at start), their use cases, and the partner API's rate limiter, one fixed window per key id.
    /// </summary>
    public static IHostApplicationBuilder AddOffboarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OffboardingOptions>().BindConfiguration(OffboardingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PartnerOptions>().BindConfiguration(PartnerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services =>
            new OffboardingSettings(OffboardingSettings.Parse(services.GetRequiredService<IOptions<OffboardingOptions>>().Value.Leads) ?? LeadDestination.Manager));
        builder.Services.AddSingleton<OffboardUser>();
        builder.Services.AddSingleton<ManagePartnerKeys>();
        builder.Services.AddSingleton<PartnerAccess>();
        builder.Services.AddSingleton<ReadPartnerLeadStatus>();
        builder.Services.AddSingleton<DeactivatedAccounts>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Partitioned by the key id the authentication step put on the request: only an
            // authenticated key spends its budget, so knowing a partner's key id is not enough to exhaust it.
            options.AddPolicy(PartnerEndpoints.RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<PartnerOptions>>().Value.PermitPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    PartnerEndpoints.CallerOf(http)?.Key?.Id ?? string.Empty,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests for this key.",
                    detail: $"This key may make {context.HttpContext.RequestServices.GetRequiredService<IOptions<PartnerOptions>>().Value.PermitPerMinute} requests a minute; try again in {seconds} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }
}
