namespace ChatCrm.Language.Embedded;

/// <summary>Reads a follow-up note: who, by which channel, how interested, and when the next step is.</summary>
internal static class FollowUpReader
{
    public static LogFollowUpIntent Read(MessageContext message) => new(
        LeadMentionExtractor.FindPerson(message.Text),
        message.Channel,
        message.Interest?.Level,
        message.NextMoment?.Moment,
        message.Said.Trim());
}
