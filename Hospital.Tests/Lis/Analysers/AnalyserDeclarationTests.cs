using System.Net;
using System.Net.Sockets;
using Hospital.Domain.Data;
using Hospital.Domain.Lab;
using Hospital.Integration.Simulators;
using Hospital.Integration.Transport;
using Hospital.Tests.Infrastructure;
using Hospital.Tests.Queues;
using Hospital.Web.Features.Analysers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hospital.Tests.Lis.Analysers.AnalyserRig;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>Analysers declared in configuration (synced at start, bad entries reported) and in the admin screen (saved, restarted, stopped).</summary>
public sealed class AnalyserDeclarationTests
{
    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Configured_analysers_are_synced_at_start_and_a_bad_entry_is_reported_while_the_others_start(DatabaseProvider provider)
    {
        var port = FreePort();
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "XN9",
            ["Lis:Analysers:0:Protocol"] = "astm",
            ["Lis:Analysers:0:Transport"] = "serial",
            ["Lis:Analysers:0:Device"] = "/nonexistent/ttyXN9",
            ["Lis:Analysers:0:CodeMap"] = "WBC=HH-WBC;HGB=NO-SUCH;BROKEN",
            ["Lis:Analysers:1:Name"] = "BAD1",
            ["Lis:Analysers:1:Protocol"] = "astm",
            ["Lis:Analysers:1:Transport"] = "usb",
            ["Lis:Analysers:2:Name"] = "CHEM7",
            ["Lis:Analysers:2:Protocol"] = "astm",
            ["Lis:Analysers:2:Transport"] = "tcp-server",
            ["Lis:Analysers:2:Port"] = port.ToString(),
            ["Lis:Analysers:2:CodeMap"] = "GLU=SH-GLU",
        });
        var sessions = app.Services.GetRequiredService<AnalyserSessions>();
        await sessions.Started;

        await using (var db = app.Database.NewContext())
        {
            var analysers = await db.Set<Analyser>().OrderBy(a => a.Name).ToListAsync();
            Assert.Equal(["CHEM7", "XN9"], analysers.Select(a => a.Name));
            Assert.All(analysers, a => Assert.True(a.FromConfiguration && a.IsActive));
            Assert.Equal((AnalyserTransport.TcpServer, port), (analysers[0].Transport, analysers[0].Port));
            var map = await db.Set<AnalyserTestCode>().Where(c => c.Analyser == "XN9").Select(c => c.AnalyserCode + "=" + c.LabTest!.Code).ToListAsync();
            Assert.Equal(["WBC=HH-WBC"], map);
        }
        var problems = sessions.ConfigurationProblems;
        Assert.Contains(problems, p => p is { Analyser: "XN9", Started: true } && p.Message.Contains("NO-SUCH"));
        Assert.Contains(problems, p => p is { Analyser: "XN9", Started: true } && p.Message.Contains("BROKEN"));
        Assert.Contains(problems, p => p is { Key: "Lis:Analysers:1", Started: false } && p.Message.Contains("usb"));
        Assert.Contains("BAD1", app.Logs.All);

        using var lab = await QueueWebKit.SignedInAsync(app, "labtech");
        var items = (await AnalysersApiAsync(lab)).ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Contains("usb", items["BAD1"].GetProperty("lastError").GetString());
        Assert.Equal(("astm", "tcp-server"), (items["CHEM7"].GetProperty("protocol").GetString(), items["CHEM7"].GetProperty("transport").GetString()));
        await WaitUntilAsync(async () => (await AnalysersApiAsync(lab)).Single(i => i.GetProperty("name").GetString() == "XN9")
            .GetProperty("lastError").GetString()?.Contains("/nonexistent/ttyXN9") == true, "XN9's open failure shown");

        // The tcp-server analyser that did start takes a connection and its results.
        await using var sim = new AstmAnalyserSimulator(await new TcpClientChannel("127.0.0.1", port).ConnectAsync(CancellationToken.None),
            AstmAnalyserProfile.Chemistry, timings: Quick);
        var report = await sim.SendResultsAsync(["0000009999"], ["GLU"], CancellationToken.None);
        Assert.True(report.Completed, report.ToString());
        Assert.Equal(1, await CountAsync<UnmatchedLabResult>(app, u => u.Analyser == "CHEM7" && u.Barcode == "0000009999"));
        var chem = (await AnalysersApiAsync(lab)).Single(i => i.GetProperty("name").GetString() == "CHEM7");
        Assert.True(chem.GetProperty("connected").GetBoolean());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task An_admin_declares_changes_and_deactivates_an_analyser_and_its_session_follows(DatabaseProvider provider)
    {
        var configuredPort = FreePort();
        await using var app = await HospitalAppFactory.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "XN8",
            ["Lis:Analysers:0:Protocol"] = "astm",
            ["Lis:Analysers:0:Transport"] = "tcp-server",
            ["Lis:Analysers:0:Port"] = configuredPort.ToString(),
        });
        await app.Services.GetRequiredService<AnalyserSessions>().Started;
        using var admin = await QueueWebKit.SignedInAsync(app, "admin");
        var port = FreePort();

        var (_, form) = await admin.GetPageAsync("/admin/analysers/new");
        var refused = await admin.SubmitAsync(form, "[data-testid=analyser-form]", new Dictionary<string, string>
        {
            ["Name"] = "", ["Protocol"] = "astm", ["Transport"] = "tcp-client", ["Direction"] = "bi", ["CodeMap"] = "GLU=NOPE\nCREA",
        });
        var errors = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync())
            .QuerySelector("[data-testid=analyser-errors]")!.TextContent;
        Assert.Contains("Chưa nhập tên máy", errors);
        Assert.Contains("Host", errors);
        Assert.Contains("CREA", errors);
        Assert.Equal(1, await CountAsync<Analyser>(app));

        var unknownTest = await admin.SubmitAsync(form, "[data-testid=analyser-form]", Fields("BS9", port, "GLU=NOPE"));
        Assert.Contains("không có xét nghiệm mã", await unknownTest.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync<Analyser>(app));

        var saved = await admin.SubmitAsync(form, "[data-testid=analyser-form]", Fields("BS9", port, "GLU=SH-GLU\nCREA=SH-CREA"));
        Assert.True(WebSession.IsRedirectTo(saved, "/admin/analysers/BS9"), saved.StatusCode.ToString());
        await using (var db = app.Database.NewContext())
        {
            var row = await db.Set<Analyser>().SingleAsync(a => a.Name == "BS9");
            Assert.Equal((false, true, "admin", AnalyserDirection.Bi), (row.FromConfiguration, row.IsActive, row.UpdatedBy, row.Direction));
            Assert.Equal(["CREA", "GLU"], await db.Set<AnalyserTestCode>().Where(c => c.Analyser == "BS9").OrderBy(c => c.AnalyserCode).Select(c => c.AnalyserCode).ToListAsync());
        }
        await WaitUntilAsync(() => AcceptsAsync(port), "BS9 listening after the save");

        // Moved to another port and switched off: the old session stops, no new one starts.
        var newPort = FreePort();
        var (_, edit) = await admin.GetPageAsync("/admin/analysers/BS9");
        var fields = Fields("BS9", newPort, "GLU=SH-GLU");
        fields.Remove("IsActive");
        var changed = await admin.SubmitAsync(edit, "[data-testid=analyser-form]", fields);
        Assert.True(WebSession.IsRedirectTo(changed, "/admin/analysers/BS9"), changed.StatusCode.ToString());
        Assert.False(await AcceptsAsync(port));
        Assert.False(await AcceptsAsync(newPort));
        Assert.False(app.Services.GetRequiredService<AnalyserStatusBoard>().Find("BS9")!.Active);
        Assert.Equal(1, await CountAsync<AnalyserTestCode>(app, c => c.Analyser == "BS9"));
        var (_, list) = await admin.GetPageAsync("/admin/analysers");
        Assert.Contains("BS9", list.QuerySelector("[data-testid=analyser-list]")!.TextContent);

        // Declared in configuration: shown read-only, a forged post changes nothing.
        var (_, configured) = await admin.GetPageAsync("/admin/analysers/XN8");
        Assert.NotNull(configured.QuerySelector("[data-testid=from-configuration]"));
        var forged = await admin.SubmitAsync(configured, "[data-testid=analyser-form]", Fields("XN8", newPort, ""));
        Assert.Contains("cấu hình", await forged.Content.ReadAsStringAsync());
        await using var check = app.Database.NewContext();
        Assert.Equal(configuredPort, (await check.Set<Analyser>().SingleAsync(a => a.Name == "XN8")).Port);
    }

    private static Dictionary<string, string> Fields(string name, int port, string codeMap) => new()
    {
        ["Name"] = name, ["Model"] = "Mindray BS-240", ["Section"] = "Sinh hóa", ["Protocol"] = "astm", ["Transport"] = "tcp-server",
        ["Port"] = port.ToString(), ["Direction"] = "bi", ["Parity"] = "none", ["FlowControl"] = "none", ["CodeMap"] = codeMap, ["IsActive"] = "true",
    };
}
