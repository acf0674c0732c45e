using System.Diagnostics;
using System.Text;
using Hospital.Integration.Transport.Serial;
using Microsoft.Extensions.Configuration;

namespace Hospital.Tests.Lis.Protocols;

/// <summary>The termios serial channel on real pseudo-terminals (socat); a pty ignores speed and parity on the wire but keeps the settings.</summary>
public class SerialPortChannelTests
{
    [Fact]
    public async Task Bytes_cross_a_pty_pair_unchanged_CR_included()
    {
        using var pty = new SocatPtyPair();
        await using var a = SerialPortChannel.Open(new SerialSettings(pty.HostEnd, 115200));
        await using var b = SerialPortChannel.Open(new SerialSettings(pty.InstrumentEnd, 115200));
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(); // raw mode: no CR→LF, no XON/XOFF eaten, no echo

        await a.WriteAsync(all, CancellationToken.None);
        var received = await ReadExactly(b, all.Length);

        Assert.Equal(all, received);
        await b.WriteAsync("\u0006"u8.ToArray(), CancellationToken.None);
        Assert.Equal([0x06], await ReadExactly(a, 1));
    }

    [Fact]
    public async Task Settings_reach_the_terminal_as_stty_reads_them()
    {
        using var pty = new SocatPtyPair();
        await using var channel = SerialPortChannel.Open(new SerialSettings(pty.HostEnd, 19200, 8, SerialParity.None, 2, SerialFlowControl.XonXoff, Exclusive: false));

        var stty = " " + Run("stty", "-F", pty.HostEnd, "-a").Replace(';', ' ').Replace('\n', ' ');

        Assert.Contains("speed 19200 baud", stty);
        foreach (var flag in new[] { "cs8", "-parenb", "cstopb", "clocal", "cread", "-hupcl", "ixon", "ixoff", "-icrnl", "-icanon", "-echo", "-opost", "-isig", "min = 0", "time = 0" })
            Assert.Contains($" {flag} ", stty + " ");
        Assert.Equal("serial " + pty.HostEnd + " 19200 8N2 XON/XOFF", channel.Description);
    }

    [Fact]
    public async Task RTS_CTS_and_1200_baud_are_set()
    {
        using var pty = new SocatPtyPair();
        await using var channel = SerialPortChannel.Open(new SerialSettings(pty.HostEnd, 1200, FlowControl: SerialFlowControl.RtsCts, Exclusive: false));
        var stty = " " + Run("stty", "-F", pty.HostEnd, "-a").Replace(';', ' ').Replace('\n', ' ') + " ";
        foreach (var flag in new[] { "speed 1200 baud", " cs8 ", " -cstopb ", " crtscts ", " -ixon " })
            Assert.Contains(flag, stty);
    }

    [Fact]
    public void Settings_the_device_silently_ignores_are_refused_not_used_wrongly()
    {
        // A pty forces 8 bits without parity whatever tcsetattr asks and still reports success: the read-back catches it.
        using var pty = new SocatPtyPair();
        var ex = Assert.Throws<IOException>(() => SerialPortChannel.Open(new SerialSettings(pty.HostEnd, 9600, 7, SerialParity.Even)));
        Assert.Contains("asked 7 data bits, the device has 8; asked parity even, the device has none", ex.Message);
    }

    [Fact]
    public async Task Disposing_ends_a_pending_read_with_end_of_stream()
    {
        using var pty = new SocatPtyPair();
        var channel = SerialPortChannel.Open(new SerialSettings(pty.HostEnd));
        var pending = channel.ReadAsync(new byte[16], CancellationToken.None).AsTask();
        await channel.DisposeAsync();
        Assert.Equal(0, await pending.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_line_that_goes_away_ends_the_stream_instead_of_hanging()
    {
        var pty = new SocatPtyPair();
        await using var channel = SerialPortChannel.Open(new SerialSettings(pty.HostEnd));
        var pending = channel.ReadAsync(new byte[16], CancellationToken.None).AsTask();
        pty.Dispose(); // socat and its pty masters are gone, as when a USB adapter is pulled
        try
        {
            Assert.Equal(0, await pending.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        catch (IOException e)
        {
            Assert.Contains("hung up", e.Message);
        }
    }

    [Fact]
    public void Devices_that_cannot_be_used_are_refused_with_the_reason()
    {
        var missing = Assert.Throws<IOException>(() => SerialPortChannel.Open(new SerialSettings("/dev/ttyNOPE9")));
        Assert.Contains("Cannot open serial device /dev/ttyNOPE9", missing.Message);
        Assert.Contains("no such device", missing.Message);
        var notTty = Assert.Throws<IOException>(() => SerialPortChannel.Open(new SerialSettings("/dev/null")));
        Assert.Equal("/dev/null is not a terminal device (termios does not apply to it).", notTty.Message);
    }

    [Theory]
    [InlineData(14400, 8, 1, "Serial Baud 14400 is not one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200.")]
    [InlineData(9600, 6, 1, "Serial DataBits must be 7 or 8, not 6.")]
    [InlineData(9600, 8, 3, "Serial StopBits must be 1 or 2, not 3.")]
    public void Invalid_settings_are_refused(int baud, int dataBits, int stopBits, string reason) =>
        Assert.Equal(reason, Assert.Throws<ArgumentException>(() => SerialPortChannel.Open(new SerialSettings("/dev/ttyS0", baud, dataBits, StopBits: stopBits))).Message);

    [Fact]
    public void Configuration_keys_of_an_analyser_map_to_settings()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "XN1",
            ["Lis:Analysers:0:Device"] = "/dev/ttyUSB0",
            ["Lis:Analysers:0:Baud"] = "19200",
            ["Lis:Analysers:0:DataBits"] = "7",
            ["Lis:Analysers:0:Parity"] = "even",
            ["Lis:Analysers:0:StopBits"] = "2",
            ["Lis:Analysers:0:FlowControl"] = "rts-cts",
            ["Lis:Analysers:1:Device"] = "/dev/ttyS1",
            ["Lis:Analysers:2:Device"] = "/dev/ttyS2",
            ["Lis:Analysers:2:Parity"] = "mark",
        }).Build();

        Assert.Equal(new SerialSettings("/dev/ttyUSB0", 19200, 7, SerialParity.Even, 2, SerialFlowControl.RtsCts),
            SerialSettings.FromConfiguration(config.GetSection("Lis:Analysers:0")));
        Assert.Equal(new SerialSettings("/dev/ttyS1"), SerialSettings.FromConfiguration(config.GetSection("Lis:Analysers:1")));
        Assert.Equal("Serial Parity \"mark\" is not none, even or odd.",
            Assert.Throws<ArgumentException>(() => SerialSettings.FromConfiguration(config.GetSection("Lis:Analysers:2"))).Message);
    }

    private static async Task<byte[]> ReadExactly(SerialPortChannel channel, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[count];
        var got = 0;
        while (got < count)
        {
            var n = await channel.ReadAsync(buffer.AsMemory(got), timeout.Token);
            Assert.NotEqual(0, n);
            got += n;
        }
        return buffer;
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        return output;
    }
}
