using System.Globalization;
using Microsoft.Extensions.Configuration;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport.Serial;

namespace Hospital.Tools.AnalyserSimulator;

/// <summary>A command line that cannot be run; the message says what is wrong, for the user.</summary>
public sealed class SimulatorUsageException(string message) : Exception(message);

/// <summary>Reads the simulator's command line into <see cref="SimulatorOptions"/>; every mistake is reported by name.</summary>
public static class SimulatorCommandLine
{
    public const string DefaultFirstBarcode = "260000001";

    public const string Usage = """
        Analyser simulator: plays an ASTM or HL7 laboratory analyser against the LIS.

        Usage:
          AnalyserSimulator astm (--device PATH | --tcp HOST:PORT | --listen PORT) [options]
          AnalyserSimulator hl7  (--host HOST --port PORT | --listen PORT) [options]

        Connection:
          --device PATH        ASTM over a serial device or socat pty link (e.g. /tmp/lis/analyser)
            --baud N           1200..115200 (default 9600)   --data-bits 7|8 (8)   --parity none|even|odd (none)
            --stop-bits 1|2    (1)                           --flow none|rts-cts|xon-xoff (none)
          --tcp HOST:PORT      ASTM, the simulator connects to the LIS
          --host HOST --port PORT   HL7/MLLP, the simulator connects to the LIS
          --listen PORT        the simulator listens and the LIS connects to it (ASTM or HL7)

        What to send (in this order; with none of them, one sample's results):
          --results N          number of samples (default: one per barcode)
          --barcodes A,B,...   barcodes (with --results N beyond them, numbered on from the last; default 260000001)
          --tests C1,C2,...    analyser test codes (default: the profile's whole menu)
          --qc LOT             a QC run (ASTM: O-12 = Q; HL7: MSH-16 = 2) with this control lot
          --query BARCODE      a host query; prints the tests the host asks for
          --receive SECONDS    wait that long for worklists/orders from the host and print them

        Options:
          --profile NAME       astm: haematology (default, Sysmex XN-style, 28 results), chemistry (cobas c111-style)
                               hl7:  mindray-bs (default, chemistry), mindray-bc (haematology)
          --seed N             seed of the generated values (default 1; same seed, same values)
          --comment-length N   ASTM: an instrument comment of N characters per sample (long records span frames)
          --fault F            repeatable. ASTM:
                                 bad-checksum:N[:TIMES]  nak:N  no-ack  silence:N  split[:MS]  contention
                                 duplicate-frame:N  duplicate-message  eot:N
                               HL7: duplicate (each message sent twice with the same MSH-10)
          --timeout SECONDS    give up after this long (default 120)
          --quiet              print only the summary       --trace   print every byte on the line

        Exit codes: 0 done; 1 the host refused or did not answer (NAKs, timeouts, AE/AR, no query answer);
                    2 bad arguments; 3 the connection could not be opened.
        """;

    /// <exception cref="SimulatorUsageException">anything wrong, with the option named.</exception>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new SimulatorUsageException("Say astm or hl7 first.");
        var protocol = args[0].ToLowerInvariant() switch
        {
            "astm" => SimulatorProtocol.Astm,
            "hl7" => SimulatorProtocol.Hl7,
            _ => throw new SimulatorUsageException($"The first word must be astm or hl7, not \"{args[0]}\"."),
        };
        var values = new Dictionary<string, string>();
        var faults = new List<string>();
        var flags = new HashSet<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new SimulatorUsageException($"Unexpected \"{name}\"; options start with --.");
            if (name is "--quiet" or "--trace") { flags.Add(name); continue; }
            if (!Known.Contains(name)) throw new SimulatorUsageException($"Unknown option {name}.");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new SimulatorUsageException($"{name} needs a value.");
            var value = args[++i];
            if (name == "--fault") { faults.Add(value); continue; }
            if (!values.TryAdd(name, value)) throw new SimulatorUsageException($"{name} is given twice.");
        }
        string? Get(string key) => values.GetValueOrDefault(key);

        var options = new SimulatorOptions
        {
            Protocol = protocol,
            Seed = Int(Get("--seed"), "--seed", 1, min: 0),
            Timeout = TimeSpan.FromSeconds(Int(Get("--timeout"), "--timeout", 120, min: 1)),
            Quiet = flags.Contains("--quiet"),
            Trace = flags.Contains("--trace"),
            QcLot = Get("--qc"),
            QueryBarcode = Get("--query"),
            ReceiveFor = Get("--receive") is { } r ? TimeSpan.FromSeconds(Int(r, "--receive", 0, min: 1)) : null,
            Tests = List(Get("--tests")),
            CommentLength = Int(Get("--comment-length"), "--comment-length", 0, min: 0),
        };
        options = Connection(options, protocol, Get);
        options = options with { Profile = Profile(protocol, Get("--profile"), options.Tests) };

        var count = Get("--results") is { } n ? Int(n, "--results", 0, min: 1) : 0;
        var barcodes = List(Get("--barcodes"));
        var nothingElse = options.QcLot is null && options.QueryBarcode is null && options.ReceiveFor is null;
        if (count > 0 || barcodes.Count > 0 || nothingElse) options = options with { Barcodes = ExpandBarcodes(barcodes, count == 0 && barcodes.Count == 0 ? 1 : count) };

        if (protocol == SimulatorProtocol.Astm)
        {
            var f = AstmSimulatorFaults.None;
            foreach (var spec in faults)
            {
                try { f = f.With(spec); }
                catch (ArgumentException e) { throw new SimulatorUsageException($"--fault {e.Message}"); }
            }
            options = options with { AstmFaults = f };
        }
        else
        {
            foreach (var spec in faults)
                if (spec != "duplicate") throw new SimulatorUsageException($"--fault {spec}: HL7 knows only the fault \"duplicate\".");
            if (options.CommentLength > 0) throw new SimulatorUsageException("--comment-length is for ASTM.");
            options = options with { Hl7Duplicate = faults.Count > 0 };
        }
        return options;
    }

    /// <summary>The barcodes given, then numbered on from the last until there are <paramref name="count"/> (0: as given).</summary>
    public static IReadOnlyList<string> ExpandBarcodes(IReadOnlyList<string> given, int count)
    {
        var list = given.ToList();
        if (count > 0 && count < list.Count) throw new SimulatorUsageException($"--results {count} is fewer than the {list.Count} barcodes given.");
        var last = list.Count > 0 ? list[^1] : null;
        var k = 0;
        while (list.Count < count)
        {
            k++;
            if (last is null) list.Add(Next(DefaultFirstBarcode, k - 1));
            else list.Add(Next(last, k));
        }
        var duplicate = list.GroupBy(b => b).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SimulatorUsageException($"Barcode {duplicate.Key} is given twice.");
        return list;
    }

    private static string Next(string barcode, int step)
    {
        var digits = barcode.Length - barcode.AsSpan().TrimEnd("0123456789").Length;
        if (digits == 0) return $"{barcode}-{step}";
        var prefix = barcode[..^digits];
        var number = long.Parse(barcode[^digits..], CultureInfo.InvariantCulture) + step;
        return prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    private static readonly HashSet<string> Known =
    [
        "--device", "--baud", "--data-bits", "--parity", "--stop-bits", "--flow", "--tcp", "--host", "--port", "--listen",
        "--results", "--barcodes", "--tests", "--qc", "--query", "--receive", "--profile", "--seed", "--comment-length", "--fault", "--timeout",
    ];

    private static SimulatorOptions Connection(SimulatorOptions o, SimulatorProtocol protocol, Func<string, string?> get)
    {
        var device = get("--device");
        var tcp = get("--tcp");
        var host = get("--host");
        var port = get("--port");
        var listen = get("--listen");
        var chosen = new[] { device is null ? null : "--device", tcp is null ? null : "--tcp", host is null && port is null ? null : "--host/--port", listen is null ? null : "--listen" }
            .Where(c => c is not null).ToList();
        if (chosen.Count == 0)
            throw new SimulatorUsageException(protocol == SimulatorProtocol.Astm ? "Say where the LIS is: --device PATH, --tcp HOST:PORT or --listen PORT." : "Say where the LIS is: --host HOST --port PORT, or --listen PORT.");
        if (chosen.Count > 1) throw new SimulatorUsageException($"Choose one connection, not {string.Join(" and ", chosen)}.");
        var serialOnly = new[] { "--baud", "--data-bits", "--parity", "--stop-bits", "--flow" }.FirstOrDefault(k => get(k) is not null);
        if (serialOnly is not null && device is null) throw new SimulatorUsageException($"{serialOnly} is for --device (serial) only.");

        if (device is not null)
        {
            if (protocol == SimulatorProtocol.Hl7) throw new SimulatorUsageException("HL7 runs over TCP: use --host/--port or --listen, not --device.");
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Device"] = device, ["Baud"] = get("--baud"), ["DataBits"] = get("--data-bits"), ["Parity"] = get("--parity"),
                ["StopBits"] = get("--stop-bits"), ["FlowControl"] = get("--flow"), ["Exclusive"] = "false",
            }).Build();
            try { return o with { Connection = SimulatorConnection.Serial, Serial = SerialSettings.FromConfiguration(section) }; }
            catch (ArgumentException e) { throw new SimulatorUsageException(e.Message.Replace("Serial ", "--", StringComparison.Ordinal)); }
        }
        if (tcp is not null)
        {
            if (protocol == SimulatorProtocol.Hl7) throw new SimulatorUsageException("For HL7 say --host HOST --port PORT (--tcp is the ASTM form).");
            var colon = tcp.LastIndexOf(':');
            if (colon <= 0) throw new SimulatorUsageException($"--tcp wants HOST:PORT, not \"{tcp}\".");
            return o with { Connection = SimulatorConnection.TcpClient, Host = tcp[..colon], Port = PortNumber(tcp[(colon + 1)..], "--tcp") };
        }
        if (host is not null || port is not null)
        {
            if (protocol == SimulatorProtocol.Astm) throw new SimulatorUsageException("For ASTM over TCP say --tcp HOST:PORT.");
            if (host is null || port is null) throw new SimulatorUsageException("HL7 needs both --host and --port.");
            return o with { Connection = SimulatorConnection.TcpClient, Host = host, Port = PortNumber(port, "--port") };
        }
        return o with { Connection = SimulatorConnection.TcpServer, Port = PortNumber(listen!, "--listen") };
    }

    private static string Profile(SimulatorProtocol protocol, string? name, IReadOnlyList<string> tests)
    {
        try
        {
            if (protocol == SimulatorProtocol.Astm)
            {
                var p = name is null ? AstmAnalyserProfile.Haematology : AstmAnalyserProfile.Named(name);
                p.Tests(tests);
                return p.Name;
            }
            var h = name is null ? Hl7AnalyserProfile.MindrayChemistry : Hl7AnalyserProfile.Named(name);
            h.Tests(tests);
            return h.Name;
        }
        catch (ArgumentException e) { throw new SimulatorUsageException(e.Message); }
    }

    private static int PortNumber(string text, string option)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new SimulatorUsageException($"{option}: \"{text}\" is not a port number (1-65535).");
        return port;
    }

    private static int Int(string? text, string option, int fallback, int min)
    {
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min)
            throw new SimulatorUsageException($"{option}: \"{text}\" is not a whole number{(min > 0 ? $" of at least {min}" : "")}.");
        return n;
    }

    private static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
