using System.Collections.Concurrent;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Ict.Engine.Tests.Plugins.Support;

/// <summary>A Serilog sink that keeps rendered log lines and lets a test wait for one.</summary>
internal sealed class LogCollector : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private static readonly MessageTemplateTextFormatter Formatter = new("{Level}: {Message:l}");
    private readonly Logger _logger;

    public LogCollector() => _logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new Sink(this)).CreateLogger();

    public Serilog.ILogger Logger => _logger;

    public IReadOnlyList<string> Lines => [.. _lines];

    private void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        Formatter.Format(logEvent, text);
        _lines.Enqueue(text.ToString());
        _arrived.Release();
    }

    public async Task<string> WaitForAsync(string fragment, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (_lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            var left = limit - TimeProvider.System.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left).ConfigureAwait(false))
            {
                throw new TimeoutException($"no log line containing '{fragment}'; got:\n" + string.Join("\n", _lines));
            }
        }
    }

    public void Dispose()
    {
        _logger.Dispose();
        _arrived.Dispose();
    }

    private sealed class Sink(LogCollector owner) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => owner.Emit(logEvent);
    }
}
