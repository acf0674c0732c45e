using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hospital.Domain.Lab;

/// <summary>Which protocol an analyser speaks: ASTM E1381/E1394 (LIS1/LIS2) or HL7 v2 over MLLP.</summary>
public enum AnalyserProtocol { Astm = 1, Hl7 = 2 }

/// <summary>What carries the bytes: an RS-232 port (or a pty), or TCP with us as client or as server.</summary>
public enum AnalyserTransport { Serial = 1, TcpClient = 2, TcpServer = 3 }

/// <summary>Unidirectional analysers only send results; bidirectional ones also ask for (or are sent) worklists.</summary>
public enum AnalyserDirection { Uni = 1, Bi = 2 }

/// <summary>
/// One analyser connected to the LIS (máy xét nghiệm), declared either in configuration
/// (<c>Lis:Analysers:N:*</c>, <see cref="FromConfiguration"/>: read-only in the admin screen, the
/// configuration wins at every start) or by a lab admin in the admin screen. <see cref="Name"/> is
/// the key results, code maps (<see cref="AnalyserTestCode.Analyser"/>) and the byte journal use:
/// the analyser is identified by the session that received the bytes, never by header fields that
/// some instruments leave empty (Mindray BC: empty MSH-3/4, lis-protocols.md §5).
/// </summary>
public class Analyser
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Make and model, as people in the lab call it ("Sysmex XN-1000").</summary>
    public string? Model { get; set; }
    /// <summary>Lab section whose validation worklist shows its results (Huyết học, Sinh hóa…).</summary>
    public string? Section { get; set; }
    public AnalyserProtocol Protocol { get; set; }
    public AnalyserTransport Transport { get; set; }
    /// <summary>Serial device path (/dev/ttyUSB0, a pty of socat).</summary>
    public string? Device { get; set; }
    /// <summary>Host to connect to (tcp-client: a serial device server or the analyser).</summary>
    public string? Host { get; set; }
    /// <summary>Port to connect to (tcp-client) or to listen on (tcp-server).</summary>
    public int? Port { get; set; }
    public int Baud { get; set; } = 9600;
    public int DataBits { get; set; } = 8;
    /// <summary>none | even | odd.</summary>
    public string Parity { get; set; } = "none";
    public int StopBits { get; set; } = 1;
    /// <summary>none | rtscts | xonxoff.</summary>
    public string FlowControl { get; set; } = "none";
    public AnalyserDirection Direction { get; set; } = AnalyserDirection.Uni;
    /// <summary>Bidirectional analysers without host query: the worklist of a specimen is pushed to them when the lab receives it.</summary>
    public bool Broadcast { get; set; }
    /// <summary>ASTM records sent over TCP without E1381 framing (non-compliant firmware, lis-protocols.md §5 "naked records").</summary>
    public bool NakedAstm { get; set; }
    public bool IsActive { get; set; } = true;
    public bool FromConfiguration { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

internal sealed class AnalyserConfiguration : IEntityTypeConfiguration<Analyser>
{
    public void Configure(EntityTypeBuilder<Analyser> b)
    {
        b.ToTable("analysers");
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Model).HasMaxLength(100);
        b.Property(x => x.Section).HasMaxLength(100);
        b.Property(x => x.Protocol).HasConversion<int>();
        b.Property(x => x.Transport).HasConversion<int>();
        b.Property(x => x.Direction).HasConversion<int>();
        b.Property(x => x.Device).HasMaxLength(200);
        b.Property(x => x.Host).HasMaxLength(200);
        b.Property(x => x.Parity).HasMaxLength(10);
        b.Property(x => x.FlowControl).HasMaxLength(10);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
