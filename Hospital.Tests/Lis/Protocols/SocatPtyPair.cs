using System.Diagnostics;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// Two linked pseudo-terminals made by socat (spec §6.2), with stable links <see cref="HostEnd"/> and
/// <see cref="InstrumentEnd"/> in a fresh temporary folder. Creation waits until socat has made both links;
/// disposal kills that socat process (by its id) and removes the folder.
/// </summary>
public sealed class SocatPtyPair : IDisposable
{
    private readonly Process _socat;
    private readonly string _folder;

    public SocatPtyPair()
    {
        _folder = Directory.CreateTempSubdirectory("astm-pty-").FullName;
        HostEnd = Path.Combine(_folder, "lis");
        InstrumentEnd = Path.Combine(_folder, "analyser");
        var start = new ProcessStartInfo("socat")
        {
            ArgumentList = { "-d", "-d", $"pty,raw,echo=0,link={HostEnd}", $"pty,raw,echo=0,link={InstrumentEnd}" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start (apt-get install socat).");
        _socat.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (Log) Log.Add(e.Data); };
        _socat.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(HostEnd) && File.Exists(InstrumentEnd)))
        {
            if (_socat.HasExited) throw new InvalidOperationException($"socat exited with {_socat.ExitCode}: {string.Join('\n', Log)}");
            if (deadline.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException($"socat made no pty links in 20 s: {string.Join('\n', Log)}");
            Thread.Sleep(20);
        }
    }

    public string HostEnd { get; }

    public string InstrumentEnd { get; }

    /// <summary>socat's own messages ("N PTY is /dev/pts/3" …), for failure reports.</summary>
    public List<string> Log { get; } = [];

    public void Dispose()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit(5000);
        }
        _socat.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
