using ChatCrm.Channels.Conversation;

namespace ChatCrm.IntegrationTests;

/// <summary>Reads replies the way a person does: the sentence, a fact's value, a button by its title.</summary>
public static class ReplyText
{
    public static string Fact(this ChatReply reply, string label) =>
        reply.Facts.FirstOrDefault(fact => fact.Label == label)?.Value
        ?? throw new Xunit.Sdk.XunitException($"No fact '{label}' in reply \"{reply.Text}\" (facts: {string.Join(", ", reply.Facts.Select(f => f.Label))})");

    public static ReplyAction Button(this ChatReply reply, string titleStart) =>
        reply.Actions.FirstOrDefault(action => action.Title.StartsWith(titleStart, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No button '{titleStart}…' in reply \"{reply.Text}\" (buttons: {string.Join(", ", reply.Actions.Select(a => a.Title))})");
}
