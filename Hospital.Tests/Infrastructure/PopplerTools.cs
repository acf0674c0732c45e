using System.Diagnostics;

namespace Hospital.Tests.Infrastructure;

/// <summary>Runs poppler-utils (pdftotext, pdfinfo) on a PDF a test produced and returns their output.</summary>
public static class PopplerTools
{
    public static async Task<string> RunAsync(string tool, string args)
    {
        var psi = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} not found: apt-get install poppler-utils (./test installs it).");
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {await p.StandardError.ReadToEndAsync()}");
        return output;
    }
}
