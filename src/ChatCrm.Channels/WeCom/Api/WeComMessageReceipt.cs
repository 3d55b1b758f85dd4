namespace ChatCrm.Channels.WeCom.Api;

/// <summary>
/// What WeCom answered to a message it took (errcode 0). A member it could not deliver to is named in
/// <see cref="InvalidUsers"/> (not a member, or outside the app's visible range) or
/// <see cref="UnlicensedUsers"/>, in lower case: the call still succeeds for the others.
/// </summary>
/// <param name="MessageId">WeCom's <c>msgid</c>, for recalling the message.</param>
/// <param name="ResponseCode">For a template card with buttons: the code that updates it once (72 hours).</param>
public sealed record WeComMessageReceipt(IReadOnlyList<string> InvalidUsers, IReadOnlyList<string> UnlicensedUsers, string? MessageId, string? ResponseCode)
{
    /// <summary>True when WeCom names <paramref name="userId"/> as one it did not deliver to (userids compare without case).</summary>
    public bool Missed(string userId) =>
        InvalidUsers.Concat(UnlicensedUsers).Any(user => string.Equals(user, userId, StringComparison.OrdinalIgnoreCase));
}
