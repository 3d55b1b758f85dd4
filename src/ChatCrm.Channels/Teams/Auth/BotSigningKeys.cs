using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatCrm.Channels.Teams.Auth;

/// <summary>
/// The signing keys published by one OpenID metadata document, with their endorsements.
/// ConfigurationManager caches and refreshes them in the background; a token naming a key we do
/// not know yet (a key rotation) makes the caller await a fresh fetch instead of being refused
/// until the background refresh lands (teams.net blocks a thread for this; we await).
/// </summary>
internal sealed class BotSigningKeys
{
    // Forged tokens can name any kid; fetching at most once per interval keeps them from hammering the metadata endpoint.
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly string _metadataAddress;
    private readonly Func<HttpClient> _createClient;
    private readonly bool _requireHttps;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private DateTimeOffset? _lastForcedRefresh;

    public BotSigningKeys(string metadataAddress, Func<HttpClient> createClient, bool requireHttps, TimeProvider time, ILogger logger)
    {
        _metadataAddress = metadataAddress;
        _createClient = createClient;
        _requireHttps = requireHttps;
        _time = time;
        _logger = logger;
        _manager = CreateManager();
    }

    /// <summary>The keys with this id and the endorsements listed for it; null when the metadata has no such key.</summary>
    /// <exception cref="InvalidOperationException">The metadata could never be fetched (an outage, not a bad token).</exception>
    public async Task<Match?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var manager = Volatile.Read(ref _manager);
        var found = Find(await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false), keyId);
        if (found is not null)
        {
            return found;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched the rotated keys while we waited for the lock.
            if (!ReferenceEquals(manager, _manager))
            {
                found = Find(await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false), keyId);
                if (found is not null)
                {
                    return found;
                }
            }

            var now = _time.GetUtcNow();
            if (_lastForcedRefresh is { } last && now - last < UnknownKeyRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
            return await FetchFreshAsync(keyId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<Match?> FetchFreshAsync(string keyId, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Signing key {KeyId} is not in {MetadataAddress}; fetching the metadata again", keyId, _metadataAddress);
        var fresh = CreateManager();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await fresh.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            // The keys we already have stay in use; only this token's unknown key stays unknown.
            _logger.LogWarning(exception, "Could not refresh the signing keys from {MetadataAddress}", _metadataAddress);
            return null;
        }

        Volatile.Write(ref _manager, fresh);
        return Find(configuration, keyId);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager() =>
        new(_metadataAddress, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(_createClient()) { RequireHttps = _requireHttps });

    private static Match? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        var keys = configuration.SigningKeys.Where(key => string.Equals(key.KeyId, keyId, StringComparison.Ordinal)).ToArray();
        if (keys.Length == 0)
        {
            return null;
        }

        var published = configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal));
        return new Match(keys, BotTokenChecks.ReadEndorsements(published?.AdditionalData));
    }

    /// <summary>The keys published under one key id (x5c and n/e forms), and the channels they are endorsed for, if listed.</summary>
    public sealed record Match(IReadOnlyList<SecurityKey> Keys, IReadOnlyCollection<string>? Endorsements);
}
