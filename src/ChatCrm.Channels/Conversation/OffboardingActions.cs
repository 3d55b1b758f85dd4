using ChatCrm.Channels.Rendering;
using ChatCrm.Core;
using ChatCrm.Core.Access;
using ChatCrm.Core.Offboarding;
using ChatCrm.Core.Partners;
using ChatCrm.Language;

namespace ChatCrm.Channels.Conversation;

/// <summary>Carries out the offboarding and partner-key commands for <see cref="IntentActions"/>.</summary>
public sealed class OffboardingActions(OffboardUser offboard, ManagePartnerKeys partnerKeys, OffboardingReplies replies)
{
    public static bool Handles(Intent intent) =>
        intent is DeactivateUserIntent or ReactivateUserIntent or AddPartnerKeyIntent or ListPartnerKeysIntent or RevokePartnerKeyIntent;

    public async Task<TurnOutcome> RunAsync(Actor actor, Intent intent, string language, CancellationToken cancellationToken) => intent switch
    {
        DeactivateUserIntent d => Outcome(await offboard.DeactivateAsync(actor, d.UserMention, d.Leads, cancellationToken), intent, language, done => replies.Offboarded(done, language)),
        ReactivateUserIntent r => Outcome(await offboard.ReactivateAsync(actor, r.UserMention, cancellationToken), intent, language, done => OffboardingReplies.Reactivated(done, language)),
        AddPartnerKeyIntent a => Outcome(await partnerKeys.AddAsync(actor, a.UserMention, a.Scopes, cancellationToken), intent, language, issued => OffboardingReplies.KeyIssued(issued, language)),
        ListPartnerKeysIntent => Outcome(await partnerKeys.ListAsync(actor, cancellationToken), intent, language, keys => replies.Keys(keys, language)),
        RevokePartnerKeyIntent r => Outcome(await partnerKeys.RevokeAsync(actor, r.KeyId, cancellationToken), intent, language, revoked => OffboardingReplies.KeyRevoked(revoked, language)),
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Not an offboarding or partner-key command."),
    };

    // A missing word gets the usage line, not a question: these commands are typed whole by admins.
    private static TurnOutcome Outcome<T>(Result<T> result, Intent intent, string language, Func<T, ChatReply> reply) =>
        result.IsSuccess
            ? TurnOutcome.Say(reply(result.Value!))
            : new TurnOutcome([OffboardingReplies.Refused(result.Error!, intent, language)], result.Error is MissingValue ? null : result.Error);
}
