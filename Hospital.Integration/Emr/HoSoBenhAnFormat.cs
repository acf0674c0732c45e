using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Hospital.Integration.Emr;

/// <summary>
/// The two serializations CV 365 asks for, of the same <see cref="HoSoBenhAn"/>: XML (one element
/// per property, a list as one element per item named after the item's type) and JSON (the same
/// names; a list is an array; an empty group is {} and a missing one null). Both are UTF-8
/// without a byte-order mark.
/// </summary>
public static class HoSoBenhAnFormat
{
    public const string Root = nameof(HoSoBenhAn);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Vietnamese letters as they are, not \u escapes: the file is read by people too.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] ToJson(HoSoBenhAn record) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, HoSoBenhAn> { [Root] = record }, Json);

    public static byte[] ToXml(HoSoBenhAn record)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            WriteObject(xml, Root, record);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteObject(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        if (value is not null)
        {
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var child = property.GetValue(value);
                switch (child)
                {
                    case string text:
                        xml.WriteElementString(property.Name, text);
                        break;
                    case IEnumerable items:
                        xml.WriteStartElement(property.Name);
                        foreach (var item in items) WriteObject(xml, item.GetType().Name, item);
                        xml.WriteEndElement();
                        break;
                    default:
                        WriteObject(xml, property.Name, child);
                        break;
                }
            }
        }
        xml.WriteEndElement();
    }
}
