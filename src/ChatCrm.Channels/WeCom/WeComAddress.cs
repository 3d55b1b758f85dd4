namespace ChatCrm.Channels.WeCom;

/// <summary>
/// Where a WeCom delivery goes, as kept in the outbox (<c>Delivery.Address</c>, JSON): the member's
/// userid. The delivery's content is the <c>message/send</c> body without <c>touser</c> and
/// <c>agentid</c>, which the sender adds, so a changed agent id never strands queued messages.
/// </summary>
/// <param name="ToUser">The WeCom userid of the member.</param>
/// <param name="UpdateTaskId">
/// When set, the delivery replaces the buttons of the template card with this task id
/// (<c>message/update_template_card</c>) instead of sending a new message.
/// </param>
public sealed record WeComAddress(string ToUser, string? UpdateTaskId = null);
