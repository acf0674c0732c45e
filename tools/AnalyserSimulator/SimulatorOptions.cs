using Hospital.Integration.Simulators;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Tools.AnalyserSimulator;

public enum SimulatorProtocol { Astm, Hl7 }

/// <summary>How the simulator reaches the LIS.</summary>
public enum SimulatorConnection
{
    /// <summary>A serial device or socat pty link (ASTM only).</summary>
    Serial,
    /// <summary>The simulator connects to the LIS (host:port).</summary>
    TcpClient,
    /// <summary>The simulator listens and the LIS connects to it.</summary>
    TcpServer,
}

/// <summary>Everything the command line asked for, checked.</summary>
public sealed record SimulatorOptions
{
    public SimulatorProtocol Protocol { get; init; }
    public SimulatorConnection Connection { get; init; }
    public SerialSettings? Serial { get; init; }
    public string Host { get; init; } = "";
    public int Port { get; init; }
    public string Profile { get; init; } = "";
    /// <summary>The barcodes to send results for, already expanded to the requested count.</summary>
    public IReadOnlyList<string> Barcodes { get; init; } = [];
    public IReadOnlyList<string> Tests { get; init; } = [];
    public string? QcLot { get; init; }
    public string? QueryBarcode { get; init; }
    public TimeSpan? ReceiveFor { get; init; }
    public int Seed { get; init; } = 1;
    public int CommentLength { get; init; }
    public AstmSimulatorFaults AstmFaults { get; init; } = AstmSimulatorFaults.None;
    public bool Hl7Duplicate { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    public bool Quiet { get; init; }
    public bool Trace { get; init; }
}
