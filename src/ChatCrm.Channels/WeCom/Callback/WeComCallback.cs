using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatCrm.Channels.Inbound;
using ChatCrm.Channels.WeCom.Crypto;
using ChatCrm.Core.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom.Callback;

/// <summary>What the callback endpoint answers WeCom: a status, and for URL verification the plaintext.</summary>
public sealed record WeComAnswer(int Status, string? Text = null, string? Problem = null);

/// <summary>
/// WeCom's callback at the door: URL verification (GET) and messages (POST). A message is
/// verified (signature, timestamp within the replay window), decrypted (receive id must be our
/// CorpId; AgentID, when given, ours), read safely, and accepted into the store's inbound queue,
/// after which WeCom gets its 200 at once; the work is done after the answer
/// (<see cref="WeComInboundHandler"/>). The same message twice (WeCom retries three times) is
/// accepted once: by its MsgId, or for an event by the hash of its decrypted content.
/// </summary>
public sealed class WeComCallback(IOptions<WeComOptions> options, InboundQueue queue, InboundSignal signal, TimeProvider clock, ILogger<WeComCallback> logger)
{
    private WeComOptions Settings => options.Value;

    // The key is parsed once, not for every signature check and decryption.
    private WeComCallbackCrypto? _crypto;

    public WeComAnswer VerifyUrl(string? signature, string? timestamp, string? nonce, string? echo)
    {
        if (Refusal(signature, timestamp, nonce, echo) is { } refused)
        {
            return refused;
        }

        var decrypted = Crypto().Decrypt(echo);
        if (!decrypted.Succeeded || decrypted.ReceiveId != Settings.CorpId)
        {
            return Unauthorized(decrypted.Problem ?? "The echo string is not for this CorpId.");
        }

        return new WeComAnswer(200, decrypted.Message);
    }

    public async Task<WeComAnswer> AcceptAsync(string? signature, string? timestamp, string? nonce, string body, CancellationToken cancellationToken)
    {
        var envelope = WeComXml.Read(body);
        if (!envelope.Succeeded)
        {
            return new WeComAnswer(400, Problem: envelope.Problem);
        }

        var encrypted = envelope.Fields!.GetValueOrDefault("Encrypt");
        if (string.IsNullOrEmpty(encrypted))
        {
            return new WeComAnswer(400, Problem: "The envelope has no Encrypt.");
        }

        if (Refusal(signature, timestamp, nonce, encrypted) is { } refused)
        {
            return refused;
        }

        if (IsOtherAgent(envelope.Fields!.GetValueOrDefault("AgentID")))
        {
            return Unauthorized("The message is for another app (AgentID).");
        }

        var decrypted = Crypto().Decrypt(encrypted);
        if (!decrypted.Succeeded)
        {
            return Unauthorized(decrypted.Problem!);
        }

        if (decrypted.ReceiveId != Settings.CorpId)
        {
            return Unauthorized("The message is not for this CorpId.");
        }

        var message = WeComXml.Read(decrypted.Message);
        if (!message.Succeeded)
        {
            return new WeComAnswer(400, Problem: message.Problem);
        }

        if (IsOtherAgent(message.Fields!.GetValueOrDefault("AgentID")))
        {
            return Unauthorized("The message is for another app (AgentID).");
        }

        if (await queue.AcceptAsync(KeyOf(message.Fields!, decrypted.Message!), WeComChannel.Name, decrypted.Message!, cancellationToken))
        {
            signal.Raise();
        }
        else
        {
            logger.LogInformation("A WeCom retry of a message accepted before was answered and dropped");
        }

        return new WeComAnswer(200, string.Empty);
    }

    /// <summary>The message's identity: its MsgId; an event has none, so the hash of all it says.</summary>
    public static string KeyOf(IReadOnlyDictionary<string, string> fields, string plaintext) =>
        fields.TryGetValue("MsgId", out var id) && !string.IsNullOrWhiteSpace(id)
            ? $"{WeComChannel.Name}:msg:{id.Trim()}"
            : $"{WeComChannel.Name}:event:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)))}";

    private WeComAnswer? Refusal(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Unauthorized("The timestamp is missing or not a number.");
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > Settings.ReplayWindow)
        {
            return Unauthorized("The timestamp is outside the replay window.");
        }

        return Crypto().IsSigned(signature, timestamp, nonce, encrypted) ? null : Unauthorized("The signature does not match.");
    }

    private bool IsOtherAgent(string? agentId) =>
        !string.IsNullOrWhiteSpace(agentId) && agentId.Trim() != Settings.AgentId?.ToString(CultureInfo.InvariantCulture);

    private WeComCallbackCrypto Crypto() => _crypto ??= new(Settings.Token!, Settings.EncodingAesKey!);

    private WeComAnswer Unauthorized(string reason)
    {
        logger.LogWarning("Refused a WeCom callback: {Reason}", reason);
        return new WeComAnswer(401, Problem: reason);
    }
}
