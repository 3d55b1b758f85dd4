using System.Text.Json;
using ChatCrm.Channels.Conversation;
using ChatCrm.Channels.Outbound;
using ChatCrm.Channels.WeCom.Messages;
using ChatCrm.Core.Conversations;
using ChatCrm.Core.Notifications;
using Microsoft.Extensions.Options;

namespace ChatCrm.Channels.WeCom;

/// <summary>
/// A member's chat with the app in WeCom: remembered when they write to it, and used to send them
/// messages and cards on the bot's own initiative (the app can message any member in its visible
/// range; the address is just their userid).
/// </summary>
public sealed class WeComPersonalChats(RememberPersonalChannel remember, IOptions<WeComOptions> options, TimeProvider clock) : IProactiveChannel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public string Channel => WeComChannel.Name;

    /// <inheritdoc />
    public bool IsOn => options.Value.Enabled;

    public Task RememberAsync(string userId, CancellationToken cancellationToken) =>
        remember.HandleAsync(Channel, userId, AddressOf(userId), isDirect: true, cancellationToken);

    /// <inheritdoc />
    public Delivery? Write(PersonalChannel chat, ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var address = JsonSerializer.Deserialize<WeComAddress>(chat.Address, Json);
        return string.IsNullOrWhiteSpace(address?.ToUser) ? null : MessageTo(address.ToUser, reply, clock);
    }

    /// <summary>A new message (text or card) to the member, for the outbox.</summary>
    public static Delivery MessageTo(string userId, ChatReply reply, TimeProvider clock) =>
        new(WeComChannel.Name, AddressOf(userId), WeComMessageWriter.Write(reply, WeComMessageWriter.NewTaskId(Guid.CreateVersion7(clock.GetUtcNow()))).ToJsonString());

    /// <summary>A chart shown with a reply, as an image message that follows it (see <see cref="WeComChartImage"/>).</summary>
    public static Delivery ImageTo(string userId, ReplyImage image) =>
        new(WeComChannel.Name, AddressOf(userId), WeComChartImage.Write(image).ToJsonString());

    public static string AddressOf(string userId) => JsonSerializer.Serialize(new WeComAddress(userId), Json);
}
