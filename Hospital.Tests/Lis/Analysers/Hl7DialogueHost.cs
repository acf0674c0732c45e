using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Hospital.Domain.Lab;
using Hospital.Integration.Mllp;
using Hospital.Integration.Transport;
using Hospital.Lis.Analysers;
using Hospital.Lis.Results;
using Hospital.Tests.Infrastructure;
using Hospital.Web.Features.Analysers;
using Microsoft.Extensions.DependencyInjection;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>
/// The link a session host gives a dialogue, backed by the app's real database: stores through
/// <see cref="AnalyserResultImport"/> and reads work orders from <see cref="SpecimenWorklist"/>, each in a fresh scope;
/// journal and events are kept in memory for the test to read.
/// </summary>
internal sealed class Hl7TestLink(HospitalAppFactory app, string analyser) : IAnalyserLink
{
    private readonly Channel<SpecimenWorkOrder> broadcasts = Channel.CreateUnbounded<SpecimenWorkOrder>();

    public Analyser Definition { get; } = new() { Name = analyser, Protocol = AnalyserProtocol.Hl7, Transport = AnalyserTransport.TcpServer, Direction = AnalyserDirection.Bi };

    public ConcurrentQueue<(JournalDirection Direction, byte[] Data)> Journaled { get; } = new();

    public ConcurrentQueue<(string Note, bool IsError)> Events { get; } = new();

    public ChannelReader<SpecimenWorkOrder> Broadcasts => broadcasts.Reader;

    public void Push(SpecimenWorkOrder order) => broadcasts.Writer.TryWrite(order);

    public void Journal(JournalDirection direction, ReadOnlySpan<byte> data) => Journaled.Enqueue((direction, data.ToArray()));

    public void Event(string note, bool isError = false) => Events.Enqueue((note, isError));

    public async Task<UploadOutcome> StoreAsync(AnalyserUpload upload, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyserResultImport>().ImportAsync(upload, ct);
    }

    public async Task<SpecimenWorkOrder?> WorkOrderAsync(string barcode, CancellationToken ct)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SpecimenWorklist>().ForAnalyserAsync(analyser, barcode, ct);
    }

    public byte[] Bytes(JournalDirection direction) => Journaled.Where(j => j.Direction == direction).SelectMany(j => j.Data).ToArray();
}

/// <summary>A loopback TCP port whose every connection is talked to by <see cref="Hl7Dialogue"/> over <see cref="Link"/>, as the session host does for a tcp-server analyser.</summary>
internal sealed class Hl7DialogueHost : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TcpServerChannel listener = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly ConcurrentBag<Task> sessions = [];
    private readonly Task accepting;

    public Hl7DialogueHost(HospitalAppFactory app, string analyser, MllpOptions? options = null)
    {
        Link = new Hl7TestLink(app, analyser);
        var dialogue = new Hl7Dialogue(TimeProvider.System) { Options = options ?? MllpOptions.Default };
        accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                IByteChannel channel;
                try { channel = await listener.AcceptAsync(stop.Token); }
                catch (Exception) { return; }
                sessions.Add(Task.Run(async () =>
                {
                    await using (channel) await dialogue.RunAsync(channel, Link, stop.Token);
                }));
            }
        });
    }

    public Hl7TestLink Link { get; }

    public int Port => listener.LocalEndPoint.Port;

    public TcpClientChannel Connector() => new("127.0.0.1", Port, new ReconnectBackoff { Initial = TimeSpan.FromMilliseconds(20), Maximum = TimeSpan.FromMilliseconds(200) });

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await listener.DisposeAsync();
        await accepting;
        await Task.WhenAll(sessions);
        stop.Dispose();
    }
}
