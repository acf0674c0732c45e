using System.IO.Pipelines;
using System.Runtime.InteropServices;
using static Hospital.Integration.Transport.Serial.LinuxTermios;

namespace Hospital.Integration.Transport.Serial;

/// <summary>
/// An RS-232 line on Linux as an <see cref="IByteChannel"/>, through termios (spec §6.1), without System.IO.Ports.
/// The descriptor stays non-blocking; a dedicated thread waits in poll(2) (in 200 ms slices, so disposal is prompt)
/// and hands bytes to readers through a pipe; writes loop over partial writes and EAGAIN.
/// Pitfalls handled (spec §6): O_NOCTTY (the port never becomes our controlling terminal), O_NONBLOCK on open (no
/// hang waiting for DCD), CLOCAL (modem lines ignored: no SIGHUP, reads work without DCD), HUPCL cleared (DTR stays
/// up between reopenings, so the analyser does not see the LIS hang up on every reconnect), raw mode (no CR→LF, no
/// line buffering, no echo), VMIN/VTIME set after cfmakeraw, the speed as a B-constant, the settings read back after
/// tcsetattr (which succeeds if *any* change took), stale input flushed, and TIOCEXCL against a second opener.
/// </summary>
public sealed class SerialPortChannel : IByteChannel
{
    private const int PollSliceMs = 200;

    private readonly int _fd;
    private readonly Pipe _input = new(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
    private readonly Thread _reader;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _disposed;
    private int _closed;

    private SerialPortChannel(int fd, SerialSettings settings)
    {
        _fd = fd;
        Settings = settings;
        Description = $"serial {settings}";
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"serial reader {settings.Device}" };
        _reader.Start();
    }

    public SerialSettings Settings { get; }

    public string Description { get; }

    /// <summary>Opens and configures the line.</summary>
    /// <exception cref="ArgumentException">invalid settings.</exception>
    /// <exception cref="IOException">the device cannot be opened or configured; the message names the device and the cause.</exception>
    /// <exception cref="PlatformNotSupportedException">not Linux on x86-64/ARM.</exception>
    public static SerialPortChannel Open(SerialSettings settings)
    {
        settings.Validate();
        EnsureSupported();
        var fd = LinuxTermios.Open(settings.Device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
        {
            var error = LastError(out var errno);
            var hint = errno switch
            {
                2 => " — no such device; check the path (USB adapters move between /dev/ttyUSB0 and 1; prefer /dev/serial/by-id/…)",
                13 => " — permission denied; add the service user to the dialout group or give it a udev rule",
                16 => " — the port is busy; another program holds it",
                _ => "",
            };
            throw new IOException($"Cannot open serial device {settings.Device}: {error}{hint}.");
        }
        try
        {
            Configure(fd, settings);
            return new SerialPortChannel(fd, settings);
        }
        catch
        {
            LinuxTermios.Close(fd);
            throw;
        }
    }

    private static void Configure(int fd, SerialSettings s)
    {
        if (IsATty(fd) != 1) throw new IOException($"{s.Device} is not a terminal device (termios does not apply to it).");
        if (s.Exclusive && Ioctl(fd, TIOCEXCL, 0) != 0) throw new IOException($"Cannot take {s.Device} exclusively (TIOCEXCL): {LastError(out _)}.");

        var t = new byte[TermiosBufferSize];
        if (TcGetAttr(fd, t) != 0) throw new IOException($"tcgetattr on {s.Device} failed: {LastError(out _)}.");
        CfMakeRaw(t); // clears ICRNL/IXON/OPOST/ECHO/ICANON/ISIG/PARENB/CSIZE, sets CS8 (and glibc: VMIN=1, VTIME=0)

        var c = GetUInt(t, CFlagOffset);
        c &= ~(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS | HUPCL);
        c |= CREAD | CLOCAL | (s.DataBits == 7 ? CS7 : CS8);
        if (s.Parity != SerialParity.None) c |= PARENB | (s.Parity == SerialParity.Odd ? PARODD : 0);
        if (s.StopBits == 2) c |= CSTOPB;
        if (s.FlowControl == SerialFlowControl.RtsCts) c |= CRTSCTS;
        SetUInt(t, CFlagOffset, c);

        var i = GetUInt(t, IFlagOffset);
        i &= ~(IXON | IXOFF | IXANY | INPCK | ISTRIP);
        if (s.FlowControl == SerialFlowControl.XonXoff) i |= IXON | IXOFF;
        if (s.Parity != SerialParity.None) i |= INPCK; // a byte with a parity error reads as NUL: the frame checksum then fails
        SetUInt(t, IFlagOffset, i);

        // Non-blocking descriptor + poll(): read() returns what is there.
        t[CcOffset + VMin] = 0;
        t[CcOffset + VTime] = 0;

        var speed = SpeedConstant(s.Baud);
        if (CfSetISpeed(t, speed) != 0 || CfSetOSpeed(t, speed) != 0)
            throw new IOException($"{s.Baud} baud is refused for {s.Device}: {LastError(out _)}.");
        if (TcSetAttr(fd, TCSANOW, t) != 0) throw new IOException($"tcsetattr on {s.Device} failed: {LastError(out _)}.");

        // tcsetattr reports success when any one change was made (POSIX): read back and compare what matters.
        var back = new byte[TermiosBufferSize];
        if (TcGetAttr(fd, back) != 0) throw new IOException($"tcgetattr on {s.Device} failed: {LastError(out _)}.");
        var differences = Differences(c, GetUInt(back, CFlagOffset), speed, CfGetOSpeed(back));
        if (differences.Count > 0)
            throw new IOException($"{s.Device} did not take the settings {s}: {string.Join("; ", differences)} (the driver or adapter does not support them; a pseudo-terminal always runs 8 bits without parity).");

        if (TcFlush(fd, TCIOFLUSH) != 0) throw new IOException($"tcflush on {s.Device} failed: {LastError(out _)}.");
    }

    /// <summary>What the driver changed in what we asked for, in words.</summary>
    private static List<string> Differences(uint asked, uint got, uint askedSpeed, uint gotSpeed)
    {
        var list = new List<string>();
        if ((asked & CSIZE) != (got & CSIZE)) list.Add($"asked {Bits(asked)} data bits, the device has {Bits(got)}");
        if ((asked & (PARENB | PARODD)) != (got & (PARENB | PARODD))) list.Add($"asked parity {Parity(asked)}, the device has {Parity(got)}");
        if ((asked & CSTOPB) != (got & CSTOPB)) list.Add($"asked {((asked & CSTOPB) != 0 ? 2 : 1)} stop bits, the device has {((got & CSTOPB) != 0 ? 2 : 1)}");
        if ((asked & CRTSCTS) != (got & CRTSCTS)) list.Add("RTS/CTS flow control was not taken");
        if ((got & (CLOCAL | CREAD)) != (CLOCAL | CREAD)) list.Add("CLOCAL/CREAD were not taken");
        if (askedSpeed != gotSpeed) list.Add($"the speed constant is 0x{gotSpeed:X}, not 0x{askedSpeed:X}");
        return list;

        static int Bits(uint flags) => (flags & CSIZE) == CS7 ? 7 : (flags & CSIZE) == CS8 ? 8 : (flags & CSIZE) == 0x10 ? 6 : 5;
        static string Parity(uint flags) => (flags & PARENB) == 0 ? "none" : (flags & PARODD) != 0 ? "odd" : "even";
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = await _input.Reader.ReadAsync(ct).ConfigureAwait(false);
        var available = result.Buffer;
        if (available.IsEmpty && result.IsCompleted)
        {
            _input.Reader.AdvanceTo(available.End);
            return 0;
        }
        var n = (int)Math.Min(available.Length, buffer.Length);
        var slice = available.Slice(0, n);
        System.Buffers.BuffersExtensions.CopyTo(slice, buffer.Span);
        _input.Reader.AdvanceTo(slice.End);
        return n;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var remaining = data;
            while (!remaining.IsEmpty)
            {
                ct.ThrowIfCancellationRequested();
                var n = Write(_fd, ref MemoryMarshal.GetReference(remaining.Span), remaining.Length);
                if (n > 0) { remaining = remaining[(int)n..]; continue; }
                var error = LastError(out var errno);
                if (n < 0 && errno == EINTR) continue;
                if (n < 0 && errno != EAGAIN) throw new IOException($"Write to {Settings.Device} failed: {error}.");
                // Output buffer full (flow control or a slow line): wait until it drains.
                var pfd = new PollFd { Fd = _fd, Events = POLLOUT };
                await Task.Run(() => Poll(ref pfd, 1, PollSliceMs), ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The reader thread: poll, read, hand over; a hang-up or error ends the stream with an exception.</summary>
    private void ReadLoop()
    {
        var writer = _input.Writer;
        try
        {
            while (!_disposed)
            {
                var pfd = new PollFd { Fd = _fd, Events = POLLIN };
                var ready = Poll(ref pfd, 1, PollSliceMs);
                if (ready < 0)
                {
                    var error = LastError(out var errno);
                    if (errno == EINTR) continue;
                    throw new IOException($"poll on {Settings.Device} failed: {error}.");
                }
                if (ready == 0) continue;
                if ((pfd.Revents & POLLIN) != 0)
                {
                    var memory = writer.GetMemory(4096);
                    var n = Read(_fd, ref MemoryMarshal.GetReference(memory.Span), memory.Length);
                    if (n > 0)
                    {
                        writer.Advance((int)n);
                        writer.FlushAsync().AsTask().GetAwaiter().GetResult();
                        continue;
                    }
                    if (n == 0) break; // readable yet empty: end of file, the line hung up
                    var error = LastError(out var errno);
                    if (errno == EAGAIN || errno == EINTR) continue;
                    throw new IOException($"Read from {Settings.Device} failed: {error}.");
                }
                if ((pfd.Revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
                {
                    if (_disposed) break;
                    throw new IOException($"{Settings.Device} hung up (the device or the adapter went away).");
                }
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1) return ValueTask.CompletedTask;
        _disposed = true;
        _reader.Join();
        LinuxTermios.Close(_fd);
        // The reader thread completed the pipe: a pending ReadAsync returns 0 (end of stream).
        return ValueTask.CompletedTask;
    }
}
