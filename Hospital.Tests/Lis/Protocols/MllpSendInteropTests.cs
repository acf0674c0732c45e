using System.Diagnostics;
using System.Text;
using Hospital.Integration.Hl7;
using Hospital.Integration.Hl7.Segments;
using Hospital.Integration.Mllp;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>
/// Interoperability with an independent implementation: python3-hl7's <c>mllp_send</c> (Debian package
/// python3-hl7, installed by ./test) sends over a real socket to our <see cref="MllpServer"/>.
/// </summary>
public sealed class MllpSendInteropTests
{
    internal static async Task<string> MllpSend(int port, string file, bool loose)
    {
        var path = File.Exists("/usr/bin/mllp_send") ? "/usr/bin/mllp_send" : "mllp_send";
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-p", port.ToString(), "-f", file, .. loose ? ["--loose"] : Array.Empty<string>(), "127.0.0.1"]) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("mllp_send did not start (apt-get install python3-hl7)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"mllp_send exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    [Fact]
    public async Task Oru_r01_sent_by_mllp_send_is_stored_and_acked_AA()
    {
        await using var server = new MllpTestServer();
        var file = Path.GetTempFileName();
        try
        {
            // mllp_send reads MLLP-framed messages from the file and strips each block's outer CRs before sending.
            var framed = MllpFraming.Frame(Encoding.UTF8.GetBytes(Hl7Captures.HaematologyOru(1)))
                .Concat(MllpFraming.Frame(Encoding.UTF8.GetBytes(Hl7Captures.HaematologyOru(2)))).ToArray();
            await File.WriteAllBytesAsync(file, framed);
            var output = await MllpSend(server.Port, file, loose: false);

            Assert.Contains("MSA|AA|MSG000001|", output);
            Assert.Contains("MSA|AA|MSG000002|", output);
            Assert.Equal(["MSG000001", "MSG000002"], server.Stored.Select(m => m.ControlId));
            var stored = server.Stored.First();
            Assert.Equal(Hl7MessageKind.OruR01, stored.Type.Kind);
            Assert.Equal("Nguyễn", new PidSegment(stored.First("PID")!).PatientName.Component(1).Value);
            Assert.Equal(24, stored.All("OBX").Count());
            Assert.Contains(stored.Deviations, d => d.Kind == Hl7DeviationKind.MissingFinalSegmentTerminator);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Loose_lf_files_from_mllp_send_are_read_leniently_and_acked()
    {
        await using var server = new MllpTestServer();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Hl7Captures.MindrayBs200.Replace("\r", "\r\n") + Hl7Captures.MindrayQuery.Replace("\r", "\n"));
            var output = await MllpSend(server.Port, file, loose: true);
            Assert.Contains("MSA|AA|1|Message accepted|||0|", output);
            Assert.Contains("QCK^Q02", output);
            Assert.Equal([Hl7MessageKind.OruR01, Hl7MessageKind.QryQ02], server.Stored.Select(m => m.Type.Kind));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
