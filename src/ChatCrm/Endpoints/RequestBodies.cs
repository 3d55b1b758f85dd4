namespace ChatCrm.Endpoints;

/// <summary>Reads a small raw body for signature checks, counting as it reads (not every host enforces a size limit).</summary>
internal static class RequestBodies
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> or was not received whole.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception exception) when (exception is IOException or BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
