using System.Buffers.Binary;

namespace ChatCrm.TeamsApp;

/// <summary>The size and colour type a PNG file declares in its IHDR chunk, which PNG requires first.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="ColorType">0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha.</param>
public sealed record PngHeader(int Width, int Height, byte ColorType)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Whether every pixel carries its own opacity. A palette image (3) can be transparent through a
    /// tRNS chunk as well, but Teams' outline icon is checked for an alpha channel, so we ask for one.
    /// </summary>
    public bool HasAlphaChannel => ColorType is 4 or 6;

    /// <summary>The header of <paramref name="file"/>, or null when it is not a PNG file.</summary>
    public static PngHeader? Read(ReadOnlySpan<byte> file)
    {
        // signature (8), chunk length (4), "IHDR" (4), width (4), height (4), bit depth (1), colour type (1)
        if (file.Length < 26 || !file[..8].SequenceEqual(Signature) || !file.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(file.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(file.Slice(20, 4));
        return width > 0 && height > 0 ? new PngHeader(width, height, file[25]) : null;
    }
}
