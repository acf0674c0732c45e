using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hospital.Integration.Simulators;

/// <summary>
/// An outside system's stand-in served over real HTTP on 127.0.0.1 (BHXH gateway, national
/// e-prescription system), for demo installations and tests. It stops and starts again on the same
/// port, which is how tests take the system down and bring it back; <see cref="Unavailable"/> keeps
/// it listening but answering 503 to everything (an outage or maintenance window).
/// </summary>
public abstract class LoopbackHttpSimulator : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    /// <summary>The port, fixed after the first start so a restart comes back at the same address.</summary>
    public int Port { get; private set; }
    public bool IsRunning => _app is not null;
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    /// <summary>While set, every call answers HTTP 503.</summary>
    public bool Unavailable { get; set; }

    /// <summary>The simulated system's endpoints.</summary>
    protected abstract void Map(WebApplication app);

    /// <param name="port">0 = any free loopback port at the first start; ignored once a port is fixed.</param>
    public async Task StartAsync(int port = 0, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_app is not null) return;
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            var listenPort = Port != 0 ? Port : port;
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, listenPort));
            var app = builder.Build();
            app.Use(async (ctx, next) =>
            {
                if (!Unavailable) { await next(ctx); return; }
                ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await ctx.Response.WriteAsync("Service Unavailable");
            });
            Map(app);
            await app.StartAsync(ct);
            Port = app.Urls.Select(u => new Uri(u)).First().Port;
            _app = app;
        }
        finally { _gate.Release(); }
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_app is null) return;
            await _app.StopAsync(ct);
            await _app.DisposeAsync();
            _app = null;
        }
        finally { _gate.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }
}
