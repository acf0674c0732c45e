using System.Diagnostics;
using System.Text;
using Hospital.Integration.Astm;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport.Serial;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Lis.Protocols;
using Microsoft.Data.Sqlite;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// Issue 5 acceptance "kill the app in the middle of an ASTM transfer": the built app runs as a real process on a SQLite
/// file with the analyser on a pty; it is SIGKILLed after some frames of a message, started again, and the analyser
/// sends the message again. Nothing of the interrupted transfer is stored, and the message is stored exactly once.
/// </summary>
public sealed class AstmTransferCrashTests
{
    [Fact]
    public async Task Killed_mid_transfer_the_app_keeps_nothing_partial_and_stores_the_resent_message_once()
    {
        using var pty = new SocatPtyPair();
        var folder = Directory.CreateTempSubdirectory("hospital-crash-").FullName;
        var dbFile = Path.Combine(folder, "hospital.db");
        var env = Environment(folder, dbFile, pty.HostEnd);
        var comment = new string('c', 600);
        var sample = new SimulatedResultGenerator(3).Sample("0000077777", AstmAnalyserProfile.Haematology.Menu, comment);
        var text = AstmSimulatorMessages.Results(AstmAnalyserProfile.Haematology, sample, new DateTime(2026, 11, 22, 9, 30, 0)).ToText();
        var resultRecords = text.Split('\r').Count(l => l.StartsWith("R|", StringComparison.Ordinal));
        try
        {
            using (var first = await AppProcess.StartAsync(env, dbFile, connections: 1))
            {
                var frames = 0;
                await using var sim = new AstmAnalyserSimulator(SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd)), AstmAnalyserProfile.Haematology,
                    timings: AnalyserRig.Quick with { ReplyTimeout = TimeSpan.FromSeconds(3) }, trace: (outgoing, bytes) =>
                    {
                        if (outgoing && bytes.Span.IndexOf(AstmControl.Stx) >= 0 && ++frames == 12) first.Kill();
                    });
                var interrupted = await sim.SendMessagesAsync([text], CancellationToken.None);

                Assert.False(interrupted.Completed, interrupted.ToString());
                Assert.True(first.HasExited);
            }
            Assert.Equal((0L, 0L), (Count(dbFile, "analyser_messages"), Count(dbFile, "lab_unmatched_results")));

            using var second = await AppProcess.StartAsync(env, dbFile, connections: 2);
            await using var again = new AstmAnalyserSimulator(SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd)), AstmAnalyserProfile.Haematology, timings: AnalyserRig.Quick);
            var resent = await again.SendMessagesAsync([text], CancellationToken.None);

            Assert.True(resent.Completed, resent.ToString() + second.Output);
            Assert.Equal(1L, Count(dbFile, "analyser_messages"));
            Assert.Equal(resultRecords, Count(dbFile, "lab_unmatched_results"));
            second.Kill();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static long Count(string dbFile, string table)
    {
        using var connection = new SqliteConnection($"Data Source={dbFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static Dictionary<string, string> Environment(string folder, string dbFile, string device)
    {
        var url = $"http://127.0.0.1:{AnalyserRig.FreePort()}";
        return new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = url,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Hospital"] = $"Data Source={dbFile};Pooling=False;Default Timeout=30",
            ["Storage__DataDirectory"] = Path.Combine(folder, "data"),
            ["Demo__Enabled"] = "true",
            ["Demo__Password"] = HospitalAppFactory.Password,
            ["Demo__ApiKey"] = HospitalAppFactory.ApiKey,
            ["Demo__Patients"] = "10",
            ["Demo__Visits"] = "0",
            ["Demo__ConcludedVisits"] = "0",
            ["Demo__WaitingLabOrders"] = "0",
            ["Outbox__Enabled"] = "false",
            ["Lis__Analysers__0__Name"] = "XN1",
            ["Lis__Analysers__0__Protocol"] = "astm",
            ["Lis__Analysers__0__Transport"] = "serial",
            ["Lis__Analysers__0__Device"] = device,
            ["Lis__Analysers__0__Baud"] = "9600",
            ["Lis__Analysers__0__Direction"] = "bi",
        };
    }

    /// <summary>The built Hospital.Web.dll as a child process (killed by its own id in Dispose if still running).</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private AppProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public bool HasExited => _process.HasExited;

        /// <summary>SIGKILL: no shutdown code runs, as when the power goes.</summary>
        public void Kill()
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(10_000);
        }

        /// <summary>Starts the app and waits until its analyser session has opened the line for the <paramref name="connections"/>th time in this database.</summary>
        public static async Task<AppProcess> StartAsync(Dictionary<string, string> env, string dbFile, int connections)
        {
            var dll = BuiltProgram.Dll("Hospital.Web", "Hospital.Web.dll");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(dll);
            foreach (var (k, v) in env) start.Environment[k] = v;
            var app = new AppProcess(Process.Start(start)!);
            var limit = DateTime.UtcNow.AddSeconds(120);
            while (ConnectedEvents(dbFile) < connections)
            {
                if (app._process.HasExited) throw new InvalidOperationException($"the app exited with {app._process.ExitCode}: {app.Output}");
                if (DateTime.UtcNow > limit)
                {
                    app.Kill();
                    throw new TimeoutException($"the app did not open the analyser line within 120 s: {app.Output}");
                }
                await Task.Delay(200);
            }
            return app;
        }

        private static long ConnectedEvents(string dbFile)
        {
            if (!File.Exists(dbFile)) return 0;
            try
            {
                using var connection = new SqliteConnection($"Data Source={dbFile};Pooling=False");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM analyser_journal WHERE analyser = 'XN1' AND note LIKE 'Đã kết nối%'";
                return (long)command.ExecuteScalar()!;
            }
            catch (SqliteException)
            {
                return 0; // not migrated yet
            }
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
