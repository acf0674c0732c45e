namespace Hospital.Tests.Infrastructure;

/// <summary>
/// A program of the solution in its own output folder (built with the tests, same configuration), for tests that run it
/// as a real process: the copy beside the tests would load the test project's package versions of Microsoft.Extensions.*
/// instead of the shared framework's.
/// </summary>
public static class BuiltProgram
{
    /// <param name="projectFolder">Folder of the project below the solution root (<c>Hospital.Web</c>, <c>tools/AnalyserSimulator</c>).</param>
    public static string Dll(string projectFolder, string dllName)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name; // …/bin/<Debug|Release>/net10.0
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hospital.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No Hospital.sln above {testBin.FullName}.");
        return Path.Combine(root.FullName, projectFolder, "bin", configuration, testBin.Name, dllName);
    }
}
