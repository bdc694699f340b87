using Ict.Engine;
using Ict.Engine.Configuration;
using Ict.Engine.Status;

namespace Ict.Console.Hosting;

/// <summary>
/// What a headless engine shows the operator besides its logs: <c>status.json</c> beside the database (for
/// <c>ict status</c>) and, when <c>$.status.metricsPort</c> is set, the Prometheus endpoint.
/// </summary>
internal sealed class StatusOutputs : IAsyncDisposable
{
    private readonly EngineHost _host;
    private readonly Serilog.ILogger _log;
    private readonly StatusFile? _file;
    private MetricsServer? _metrics;
    private bool _failing;

    private StatusOutputs(EngineHost host, Serilog.ILogger log, StatusFile? file)
    {
        _host = host;
        _log = log;
        _file = file;
    }

    public static async Task<StatusOutputs> StartAsync(EngineHost host, StatusOptions options, Serilog.ILogger log, CancellationToken cancel)
    {
        var file = options.File
            ? new StatusFile(StatusFile.PathFor(host.DatabasePath), TimeSpan.FromMilliseconds(options.FileMilliseconds), TimeProvider.System)
            : null;
        var outputs = new StatusOutputs(host, log, file);
        if (options.MetricsPort is { } port)
        {
            try
            {
                outputs._metrics = await MetricsServer.StartAsync(port, () => host.Latest, cancel).ConfigureAwait(false);
                log.Information("Metrics at {Url}", outputs._metrics.Url);
            }
            catch (IOException ex)
            {
                // A metrics port in use must not stop trading: say so loudly and run without metrics.
                log.Error("Metrics endpoint not started on 127.0.0.1:{Port}: {Reason}", port, ex.Message);
            }
        }

        if (file is not null)
        {
            file.MetricsUrl = outputs._metrics?.Url.ToString();
            file.FirstWritten += path => log.Information("Status written to {Path} every {Seconds:0.#} s (read it with: ict status)", path, options.FileMilliseconds / 1000.0);
            host.SnapshotPublished += outputs.OnSnapshot;
        }

        return outputs;
    }

    /// <summary>Writes the run's final state (<c>stopped</c>) once the engine has finished.</summary>
    public void Finish()
    {
        if (_file is not null && _host.Latest is { } last)
        {
            _host.SnapshotPublished -= OnSnapshot;
            _file.Finish(last);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            _host.SnapshotPublished -= OnSnapshot;
        }

        if (_metrics is not null)
        {
            await _metrics.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnSnapshot(EngineSnapshot snapshot)
    {
        try
        {
            _file!.Observe(snapshot);
            if (_failing)
            {
                _failing = false;
                _log.Information("Status file written again");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_failing)
            {
                _failing = true; // said once, not every snapshot
                _log.Warning("Status file not written (ict status will call the engine stale): {Reason}", ex.Message);
            }
        }
    }
}
