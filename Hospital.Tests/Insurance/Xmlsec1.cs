using System.Diagnostics;

namespace Hospital.Tests.Insurance;

/// <summary>Debian's xmlsec1, the independent checker the portal's verification is modelled on (issue 6: it must accept our signatures).</summary>
internal static class Xmlsec1
{
    /// <summary><c>xmlsec1 --verify --pubkey-cert-pem cert file</c>: exit code 0 when the signature holds.</summary>
    public static async Task<(int Code, string Output)> VerifyAsync(string certPem, string file)
    {
        var start = new ProcessStartInfo("xmlsec1", ["--verify", "--pubkey-cert-pem", certPem, file])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("xmlsec1 is not installed (apt-get install xmlsec1; ./test installs it).", ex);
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
    }
}
