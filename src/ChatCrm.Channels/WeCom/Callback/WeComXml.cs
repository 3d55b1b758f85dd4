using System.Xml;

namespace ChatCrm.Channels.WeCom.Callback;

/// <summary>What reading a WeCom XML document came to: its fields, or why it was refused.</summary>
public sealed record WeComXmlRead(IReadOnlyDictionary<string, string>? Fields, string? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// Reads WeCom's XML (the callback envelope and the decrypted message): an <c>&lt;xml&gt;</c> root
/// whose child elements are the fields, text or CDATA. Safely: DTDs are refused outright (so no
/// external entity and no entity expansion bomb can run), nothing is resolved, and the document
/// is capped in size. A nested element's field is its text content.
/// </summary>
public static class WeComXml
{
    /// <summary>Far above any WeCom message (text content is capped at 2,048 bytes by WeCom).</summary>
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static WeComXmlRead Read(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return new WeComXmlRead(null, "The body is empty.");
        }

        if (xml.Length > MaxCharacters)
        {
            return new WeComXmlRead(null, $"The XML is longer than {MaxCharacters} characters.");
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "xml")
            {
                return new WeComXmlRead(null, "The root element is not <xml>.");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (reader.IsEmptyElement)
            {
                return new WeComXmlRead(fields, null);
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    // ReadElementContentAsString refuses nested elements; a subtree's text is enough here.
                    var value = reader.ReadInnerXmlTextOrContent();
                    fields.TryAdd(name, value);
                }
                else
                {
                    reader.Skip();
                }
            }

            return new WeComXmlRead(fields, null);
        }
        catch (XmlException exception)
        {
            return new WeComXmlRead(null, $"The XML is malformed or not allowed: {exception.Message}");
        }
    }

    private static string ReadInnerXmlTextOrContent(this XmlReader reader)
    {
        using var subtree = reader.ReadSubtree();
        subtree.Read();
        var text = new System.Text.StringBuilder();
        while (subtree.Read())
        {
            if (subtree.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                text.Append(subtree.Value);
            }
        }

        // Leave the reader after this element's end tag, at the next field.
        reader.Read();
        return text.ToString();
    }
}
