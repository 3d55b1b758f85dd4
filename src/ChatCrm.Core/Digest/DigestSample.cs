namespace ChatCrm.Core.Digest;

/// <summary>A number in a digest and the first of the things behind it (lead numbers or follow-up ids), for the report page.</summary>
public sealed record DigestSample(int Count, IReadOnlyList<string> Keys)
{
    public static DigestSample None { get; } = new(0, []);
}
