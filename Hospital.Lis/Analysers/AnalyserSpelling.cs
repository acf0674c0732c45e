using Hospital.Domain.Lab;

namespace Hospital.Lis.Analysers;

/// <summary>
/// How protocol, transport and direction are spelt in configuration and in the API (issue 5 "API contract"):
/// <c>astm|hl7</c>, <c>serial|tcp-client|tcp-server</c>, <c>uni|bi</c>. One place, so the API answers with exactly
/// what the configuration accepts.
/// </summary>
public static class AnalyserSpelling
{
    public static string Of(AnalyserProtocol p) => p == AnalyserProtocol.Hl7 ? "hl7" : "astm";

    public static string Of(AnalyserTransport t) => t switch
    {
        AnalyserTransport.TcpClient => "tcp-client",
        AnalyserTransport.TcpServer => "tcp-server",
        _ => "serial",
    };

    public static string Of(AnalyserDirection d) => d == AnalyserDirection.Bi ? "bi" : "uni";

    public static AnalyserProtocol? Protocol(string? text) => Norm(text) switch
    {
        "astm" => AnalyserProtocol.Astm,
        "hl7" => AnalyserProtocol.Hl7,
        _ => null,
    };

    public static AnalyserTransport? Transport(string? text) => Norm(text) switch
    {
        "serial" => AnalyserTransport.Serial,
        "tcp-client" => AnalyserTransport.TcpClient,
        "tcp-server" => AnalyserTransport.TcpServer,
        _ => null,
    };

    public static AnalyserDirection? Direction(string? text) => Norm(text) switch
    {
        "uni" => AnalyserDirection.Uni,
        "bi" => AnalyserDirection.Bi,
        _ => null,
    };

    /// <summary>none | even | odd (N/E/O accepted), as stored in <see cref="Analyser.Parity"/>.</summary>
    public static string? Parity(string? text) => Norm(text) switch
    {
        "" or "none" or "n" => "none",
        "even" or "e" => "even",
        "odd" or "o" => "odd",
        _ => null,
    };

    /// <summary>none | rtscts | xonxoff (rts-cts, xon-xoff accepted), as stored in <see cref="Analyser.FlowControl"/>.</summary>
    public static string? FlowControl(string? text) => Norm(text) switch
    {
        "" or "none" => "none",
        "rtscts" or "rts-cts" => "rtscts",
        "xonxoff" or "xon-xoff" => "xonxoff",
        _ => null,
    };

    private static string Norm(string? text) => (text ?? "").Trim().ToLowerInvariant();
}
