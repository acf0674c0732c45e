namespace Hospital.Tools.AnalyserSimulator;

/// <summary>
/// Entry point (an explicit class, not top-level statements, so test projects that also see Hospital.Web's
/// <c>Program</c> can reference this tool). Usage: <see cref="SimulatorCommandLine.Usage"/>; README "Analyser simulator".
/// </summary>
internal static class AnalyserSimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [] or ["--help"] or ["-h"] or [_, "--help"])
        {
            Console.WriteLine(SimulatorCommandLine.Usage);
            return args.Length == 0 ? SimulatorRunner.UsageError : SimulatorRunner.Done;
        }
        SimulatorOptions options;
        try
        {
            options = SimulatorCommandLine.Parse(args);
        }
        catch (SimulatorUsageException e)
        {
            await Console.Error.WriteLineAsync($"AnalyserSimulator: {e.Message}");
            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return SimulatorRunner.UsageError;
        }
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        return await new SimulatorRunner(options, Console.Out).RunAsync(stop.Token);
    }
}
