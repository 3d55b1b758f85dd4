namespace ChatCrm.Language;

/// <summary>A message as typed, and the moment (with the sender's offset) it was sent.</summary>
/// <param name="LinkedLead">The lead the chat is linked to, as "L-20261118-0007 王总 (Acme)", when the sender may see it; a language model reads "him" and "this deal" against it.</param>
public sealed record Utterance(string Text, DateTimeOffset Now, string? LinkedLead = null);

/// <summary>What a message means and which language it was written in ("zh" or "en").</summary>
/// <param name="Rules">The embedded rules' reading when a language model read the message: whether a bare
/// "明天10点" answers the bot's open question is the rules' call, as it is without a model.</param>
public sealed record Understanding(Intent Intent, string Language, Intent? Rules = null);

/// <summary>Understands chat messages. The embedded rules and Semantic Kernel both implement it.</summary>
public interface IInterpreter
{
    ValueTask<Understanding> InterpretAsync(Utterance utterance, CancellationToken cancellationToken);
}
