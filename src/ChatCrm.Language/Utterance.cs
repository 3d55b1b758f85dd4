namespace ChatCrm.Language;

/// <summary>A message as typed, and the moment (with the sender's offset) it was sent.</summary>
/// <param name="LinkedLead">The lead the chat is linked to, as "L-20261118-0007 王总 (Acme)", when the sender may see it; a language model reads "him" and "this deal" against it.</param>
public sealed record Utterance(string Text, DateTimeOffset Now, string? LinkedLead = null);

/// <summary>What a message means and which language it was written in ("zh" or "en").</summary>
public sealed record Understanding(Intent Intent, string Language);

/// <summary>Understands chat messages. The embedded rules and Semantic Kernel both implement it.</summary>
public interface IInterpreter
{
    ValueTask<Understanding> InterpretAsync(Utterance utterance, CancellationToken cancellationToken);
}
