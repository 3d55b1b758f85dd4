using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatCrm.Language.Evaluation;

/// <summary>
/// Runs an interpreter over NLU cases, one JSON object a line (<c>{"id","now","text",…}</c>; other fields
/// such as "expect" are ignored), and writes one <c>{"id","intent","slots"}</c> line per case — the form
/// score.py reads. A line that cannot be read becomes <c>{"id","error"}</c> and the run goes on.
/// </summary>
public static class NluBatch
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Chinese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Interprets every case in <paramref name="cases"/>; returns how many lines were written.</summary>
    public static async Task<int> RunAsync(TextReader cases, TextWriter output, IInterpreter interpreter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(interpreter);
        var written = 0;
        var lineNumber = 0;
        while (await cases.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = await InterpretLineAsync(line, lineNumber, interpreter, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(result.AsMemory(), cancellationToken).ConfigureAwait(false);
            written++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static async Task<string> InterpretLineAsync(string line, int lineNumber, IInterpreter interpreter, CancellationToken cancellationToken)
    {
        string? id = null;
        Utterance utterance;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(null, $"line {lineNumber}: not a JSON object");
            }

            id = ReadId(root);
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return Error(id, $"line {lineNumber}: missing string field \"text\"");
            }

            if (!root.TryGetProperty("now", out var now) || now.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(now.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            {
                return Error(id, $"line {lineNumber}: missing or invalid \"now\" (want ISO 8601 with offset)");
            }

            utterance = new Utterance(text.GetString()!, moment);
        }
        catch (JsonException exception)
        {
            return Error(id, $"line {lineNumber}: invalid JSON ({exception.Message})");
        }

        var understanding = await interpreter.InterpretAsync(utterance, cancellationToken).ConfigureAwait(false);
        return Result(id, understanding.Intent);
    }

    private static string? ReadId(JsonElement root) =>
        !root.TryGetProperty("id", out var id) ? null
        : id.ValueKind == JsonValueKind.String ? id.GetString()
        : id.GetRawText();

    private static string Result(string? id, Intent intent) => Write(writer =>
    {
        writer.WriteString("id", id);
        writer.WriteString("intent", intent.Name);
        writer.WriteStartObject("slots");
        foreach (var (name, value) in IntentSlots.ToSlots(intent))
        {
            switch (value)
            {
                case decimal number:
                    writer.WriteNumber(name, number);
                    break;
                case null:
                    writer.WriteNull(name);
                    break;
                default:
                    writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.WriteEndObject();
    });

    private static string Error(string? id, string message) => Write(writer =>
    {
        writer.WriteString("id", id);
        writer.WriteString("error", message);
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
