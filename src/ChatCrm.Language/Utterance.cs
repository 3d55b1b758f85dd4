namespace ChatCrm.Language;

/// <summary>A message as typed, and the moment (with the sender's offset) it was sent.</summary>
public sealed record Utterance(string Text, DateTimeOffset Now);

/// <summary>What a message means and which language it was written in ("zh" or "en").</summary>
public sealed record Understanding(Intent Intent, string Language);

/// <summary>Understands chat messages. The embedded rules and Semantic Kernel both implement it.</summary>
public interface IInterpreter
{
    ValueTask<Understanding> InterpretAsync(Utterance utterance, CancellationToken cancellationToken);
}
