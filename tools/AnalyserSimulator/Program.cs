using Hospital.Tools.AnalyserSimulator;

// Analyser simulator for demos and manual tests: see --help (SimulatorCommandLine.Usage) and README "Analyser simulator".
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
    Console.Error.WriteLine($"AnalyserSimulator: {e.Message}");
    Console.Error.WriteLine("Run with --help for usage.");
    return SimulatorRunner.UsageError;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
return await new SimulatorRunner(options, Console.Out).RunAsync(stop.Token);
