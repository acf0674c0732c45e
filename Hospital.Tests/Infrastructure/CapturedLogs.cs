using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Hospital.Tests.Infrastructure;

/// <summary>Every log line the app writes (message and scopes), so tests can check what leaks into logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    public string All => string.Join('\n', Lines);

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        private static readonly AsyncLocal<List<object?>> Scopes = new();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            var list = Scopes.Value ??= [];
            list.Add(state);
            return new Pop(list);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sb = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            foreach (var s in Scopes.Value ?? []) sb.Append(" | ").Append(s is IEnumerable<KeyValuePair<string, object>> kv ? string.Join(",", kv.Select(p => $"{p.Key}={p.Value}")) : s);
            if (exception is not null) sb.Append(" | ").Append(exception);
            sink.Lines.Enqueue(sb.ToString());
        }

        private sealed class Pop(List<object?> list) : IDisposable
        {
            public void Dispose() { if (list.Count > 0) list.RemoveAt(list.Count - 1); }
        }
    }
}
