namespace ChatCrm.Core.Intake;

/// <summary>One field as the sender wrote it, before mapping.</summary>
/// <param name="Name">The sender's own field name.</param>
/// <param name="Text">The value as text; null when it was not a single value (a JSON object or array).</param>
public sealed record IntakeFieldValue(string Name, string? Text);
