using System.Runtime.InteropServices;

namespace Hospital.Integration.Transport.Serial;

/// <summary>
/// libc calls and constants for serial lines on Linux (spec §6.1). Values are glibc's on x86-64, AArch64 and
/// 32-bit ARM (the asm-generic termios; checked on x86-64 by a C program, spec §6.1); other architectures (PowerPC,
/// MIPS, SPARC) and macOS use different numbers and are refused. <c>struct termios</c> is treated as an opaque
/// buffer that libc's own functions edit; we touch only the flag words and <c>c_cc[VMIN]/[VTIME]</c> at glibc's
/// offsets (c_cc follows the one-byte c_line, at 17 — not 16).
/// </summary>
internal static class LinuxTermios
{
    public const int TermiosBufferSize = 256; // sizeof(struct termios) is 60; room to spare
    public const int IFlagOffset = 0;
    public const int CFlagOffset = 8;
    public const int CcOffset = 17;
    public const int VTime = 5;
    public const int VMin = 6;

    public const int O_RDWR = 0x2;          // 02
    public const int O_NOCTTY = 0x100;      // 0400: never become our controlling terminal
    public const int O_NONBLOCK = 0x800;    // 04000: open() must not wait for DCD; reads go through poll()
    public const int O_CLOEXEC = 0x80000;   // 02000000

    public const uint CSIZE = 0x30, CS7 = 0x20, CS8 = 0x30, CSTOPB = 0x40, CREAD = 0x80, PARENB = 0x100, PARODD = 0x200;
    public const uint HUPCL = 0x400, CLOCAL = 0x800, CRTSCTS = 0x80000000;
    public const uint INPCK = 0x10, ISTRIP = 0x20, IXON = 0x400, IXANY = 0x800, IXOFF = 0x1000;

    public const int TCSANOW = 0;
    public const int TCIOFLUSH = 2;
    public const nuint TIOCEXCL = 0x540C;

    public const short POLLIN = 0x1, POLLOUT = 0x4, POLLERR = 0x8, POLLHUP = 0x10, POLLNVAL = 0x20;
    public const int EINTR = 4, EAGAIN = 11;

    /// <summary>The Bxxxx speed constant for a rate (pass these to cfset*speed, never the number itself).</summary>
    public static uint SpeedConstant(int baud) => baud switch
    {
        1200 => 0x9,         // 011
        2400 => 0xB,         // 013
        4800 => 0xC,         // 014
        9600 => 0xD,         // 015
        19200 => 0xE,        // 016
        38400 => 0xF,        // 017
        57600 => 0x1001,     // 010001
        115200 => 0x1002,    // 010002
        _ => throw new ArgumentException($"No termios speed constant for {baud} baud."),
    };

    /// <exception cref="PlatformNotSupportedException">not Linux, or an architecture whose termios numbers differ.</exception>
    public static void EnsureSupported()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The serial transport uses Linux termios; on this system connect analysers through a serial device server (TCP).");
        if (RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64 or Architecture.Arm))
            throw new PlatformNotSupportedException($"termios constants are checked for x86-64 and ARM only, not {RuntimeInformation.ProcessArchitecture}.");
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int fd, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int fd, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [DllImport("libc", EntryPoint = "isatty", SetLastError = true)]
    public static extern int IsATty(int fd);

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static extern int Ioctl(int fd, nuint request, nint argument);

    [DllImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static extern int TcGetAttr(int fd, byte[] termios);

    [DllImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static extern int TcSetAttr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", EntryPoint = "cfmakeraw")]
    public static extern void CfMakeRaw(byte[] termios);

    [DllImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    public static extern int CfSetISpeed(byte[] termios, uint speed);

    [DllImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    public static extern int CfSetOSpeed(byte[] termios, uint speed);

    [DllImport("libc", EntryPoint = "cfgetospeed")]
    public static extern uint CfGetOSpeed(byte[] termios);

    [DllImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    public static extern int TcFlush(int fd, int queueSelector);

    public static uint GetUInt(byte[] termios, int offset) => BitConverter.ToUInt32(termios, offset);

    public static void SetUInt(byte[] termios, int offset, uint value) => BitConverter.TryWriteBytes(termios.AsSpan(offset), value);

    /// <summary>"EACCES (13): Permission denied"-style text for the last failed call.</summary>
    public static string LastError(out int errno)
    {
        errno = Marshal.GetLastPInvokeError();
        return $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
    }
}
