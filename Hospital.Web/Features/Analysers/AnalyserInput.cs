using System.Globalization;
using Hospital.Domain.Lab;
using Hospital.Lis.Analysers;

namespace Hospital.Web.Features.Analysers;

/// <summary>
/// An analyser declaration as text, the same for a <c>Lis:Analysers:N</c> configuration section and the admin form,
/// so both are read and checked by one piece (<see cref="ToAnalyser"/>) with the same Vietnamese messages.
/// </summary>
public sealed class AnalyserInput
{
    public string? Name { get; set; }
    public string? Model { get; set; }
    public string? Section { get; set; }
    public string? Protocol { get; set; } = "astm";
    public string? Transport { get; set; } = "serial";
    public string? Device { get; set; }
    public string? Host { get; set; }
    public string? Port { get; set; }
    public string? Baud { get; set; }
    public string? DataBits { get; set; }
    public string? Parity { get; set; }
    public string? StopBits { get; set; }
    public string? FlowControl { get; set; }
    public string? Direction { get; set; } = "uni";
    public string? Broadcast { get; set; }
    public string? NakedAstm { get; set; }
    public string? CodeMap { get; set; }
    /// <summary>Admin form only (configuration-declared analysers are always active).</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The analyser this input declares, or null with every problem found.</summary>
    public Analyser? ToAnalyser(out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        var a = new Analyser
        {
            Name = (Name ?? "").Trim(),
            Model = Text(Model),
            Section = Text(Section),
            Device = Text(Device),
            Host = Text(Host),
            IsActive = IsActive,
            Protocol = AnalyserSpelling.Protocol(Protocol) ?? Fail(list, $"Giao thức \"{Protocol}\" phải là astm hoặc hl7.", AnalyserProtocol.Astm),
            Transport = AnalyserSpelling.Transport(Transport) ?? Fail(list, $"Kiểu kết nối \"{Transport}\" phải là serial, tcp-client hoặc tcp-server.", AnalyserTransport.Serial),
            Direction = string.IsNullOrWhiteSpace(Direction) ? AnalyserDirection.Uni
                : AnalyserSpelling.Direction(Direction) ?? Fail(list, $"Chiều kết nối \"{Direction}\" phải là uni hoặc bi.", AnalyserDirection.Uni),
            Port = Number(list, "Cổng (Port)", Port),
            Baud = Number(list, "Tốc độ baud", Baud) ?? 9600,
            DataBits = Number(list, "Số bit dữ liệu", DataBits) ?? 8,
            StopBits = Number(list, "Số bit dừng", StopBits) ?? 1,
            Parity = AnalyserSpelling.Parity(Parity) ?? Fail(list, $"Parity \"{Parity}\" phải là none, even hoặc odd.", "none"),
            FlowControl = AnalyserSpelling.FlowControl(FlowControl) ?? Fail(list, $"Điều khiển luồng \"{FlowControl}\" phải là none, rtscts hoặc xonxoff.", "none"),
            Broadcast = Flag(list, "Broadcast", Broadcast),
            NakedAstm = Flag(list, "NakedAstm", NakedAstm),
        };
        if (list.Count == 0) list.AddRange(AnalyserDefinitionRules.Check(a));
        errors = list;
        return list.Count == 0 ? a : null;
    }

    /// <summary>The form filled from a stored analyser and its code map.</summary>
    public static AnalyserInput From(Analyser a, string codeMap) => new()
    {
        Name = a.Name, Model = a.Model, Section = a.Section, Protocol = AnalyserSpelling.Of(a.Protocol), Transport = AnalyserSpelling.Of(a.Transport),
        Device = a.Device, Host = a.Host, Port = a.Port?.ToString(CultureInfo.InvariantCulture), Baud = a.Baud.ToString(CultureInfo.InvariantCulture),
        DataBits = a.DataBits.ToString(CultureInfo.InvariantCulture), Parity = a.Parity, StopBits = a.StopBits.ToString(CultureInfo.InvariantCulture),
        FlowControl = a.FlowControl, Direction = AnalyserSpelling.Of(a.Direction), Broadcast = a.Broadcast ? "true" : "false",
        NakedAstm = a.NakedAstm ? "true" : "false", CodeMap = codeMap, IsActive = a.IsActive,
    };

    /// <summary>Copies the declared settings (not the identity, the source or the audit columns) onto a stored row.</summary>
    public static void Copy(Analyser from, Analyser to)
    {
        to.Name = from.Name;
        to.Model = from.Model;
        to.Section = from.Section;
        to.Protocol = from.Protocol;
        to.Transport = from.Transport;
        to.Device = from.Device;
        to.Host = from.Host;
        to.Port = from.Port;
        to.Baud = from.Baud;
        to.DataBits = from.DataBits;
        to.Parity = from.Parity;
        to.StopBits = from.StopBits;
        to.FlowControl = from.FlowControl;
        to.Direction = from.Direction;
        to.Broadcast = from.Broadcast;
        to.NakedAstm = from.NakedAstm;
        to.IsActive = from.IsActive;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T Fail<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }

    private static int? Number(List<string> errors, string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add($"{what} \"{text}\" không phải số nguyên.");
        return null;
    }

    private static bool Flag(List<string> errors, string what, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (text.Trim() is "on") return true; // an HTML checkbox
        if (bool.TryParse(text.Trim(), out var b)) return b;
        errors.Add($"{what} \"{text}\" phải là true hoặc false.");
        return false;
    }
}
