using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Hospital.Integration.Transport.Serial;

public enum SerialParity { None, Even, Odd }

public enum SerialFlowControl
{
    None,
    /// <summary>Hardware handshake on RTS/CTS (termios CRTSCTS).</summary>
    RtsCts,
    /// <summary>Software handshake with XON/XOFF characters (termios IXON|IXOFF). Never with binary payloads.</summary>
    XonXoff,
}

/// <summary>
/// How to open an RS-232 line to an analyser. Defaults are the usual analyser defaults, 9600 8N1 without flow
/// control (spec §1.5); every value stays configurable because vendors differ (7E1 on older units).
/// </summary>
/// <param name="Device">Device path: <c>/dev/ttyS0</c>, <c>/dev/ttyUSB0</c>, a socat pty link.</param>
/// <param name="Exclusive">Take the line for this process only (TIOCEXCL), so a second session cannot open the same port.</param>
public sealed record SerialSettings(
    string Device,
    int Baud = 9600,
    int DataBits = 8,
    SerialParity Parity = SerialParity.None,
    int StopBits = 1,
    SerialFlowControl FlowControl = SerialFlowControl.None,
    bool Exclusive = true)
{
    /// <summary>Rates with a termios B-constant on Linux that analysers use.</summary>
    public static IReadOnlyList<int> SupportedBauds { get; } = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    /// <exception cref="ArgumentException">the first value out of range, named.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Device)) throw new ArgumentException("Serial Device is empty; give a path such as /dev/ttyUSB0.");
        if (!SupportedBauds.Contains(Baud)) throw new ArgumentException($"Serial Baud {Baud} is not one of {string.Join(", ", SupportedBauds)}.");
        if (DataBits is not (7 or 8)) throw new ArgumentException($"Serial DataBits must be 7 or 8, not {DataBits}.");
        if (StopBits is not (1 or 2)) throw new ArgumentException($"Serial StopBits must be 1 or 2, not {StopBits}.");
        if (!Enum.IsDefined(Parity)) throw new ArgumentException($"Serial Parity {Parity} is not none, even or odd.");
        if (!Enum.IsDefined(FlowControl)) throw new ArgumentException($"Serial FlowControl {FlowControl} is not none, rts-cts or xon-xoff.");
    }

    /// <summary>"/dev/ttyUSB0 9600 8N1" (+ flow control when any).</summary>
    public override string ToString() =>
        $"{Device} {Baud} {DataBits}{Parity switch { SerialParity.Even => 'E', SerialParity.Odd => 'O', _ => 'N' }}{StopBits}" +
        FlowControl switch { SerialFlowControl.RtsCts => " RTS/CTS", SerialFlowControl.XonXoff => " XON/XOFF", _ => "" };

    /// <summary>
    /// Reads an analyser's configuration section (<c>Lis:Analysers:N</c>): <c>Device</c> (required), <c>Baud</c>,
    /// <c>DataBits</c>, <c>Parity</c> (none|even|odd, or N/E/O), <c>StopBits</c>, <c>FlowControl</c>
    /// (none|rts-cts|xon-xoff), <c>Exclusive</c>. Missing keys take the defaults.
    /// </summary>
    /// <exception cref="ArgumentException">a value that cannot be read, with the key and the value.</exception>
    public static SerialSettings FromConfiguration(IConfiguration section)
    {
        var settings = new SerialSettings(
            section["Device"] ?? "",
            Int(section, "Baud", 9600),
            Int(section, "DataBits", 8),
            ParseParity(section["Parity"]),
            Int(section, "StopBits", 1),
            ParseFlow(section["FlowControl"]),
            section["Exclusive"] is { Length: > 0 } ex ? bool.Parse(ex) : true);
        settings.Validate();
        return settings;
    }

    private static int Int(IConfiguration section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"Serial {key} \"{text}\" is not a whole number.");
    }

    private static SerialParity ParseParity(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" or "n" => SerialParity.None,
        "even" or "e" => SerialParity.Even,
        "odd" or "o" => SerialParity.Odd,
        _ => throw new ArgumentException($"Serial Parity \"{text}\" is not none, even or odd."),
    };

    private static SerialFlowControl ParseFlow(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => SerialFlowControl.None,
        "rts-cts" or "rtscts" or "hardware" => SerialFlowControl.RtsCts,
        "xon-xoff" or "xonxoff" or "software" => SerialFlowControl.XonXoff,
        _ => throw new ArgumentException($"Serial FlowControl \"{text}\" is not none, rts-cts or xon-xoff."),
    };
}
