using System.Diagnostics;
using System.Text;
using Ict.Engine.Tests.Support;

namespace Ict.Console.Tests.Support;

/// <summary>Runs the built <c>ict</c> executable as a child process and captures what it prints.</summary>
internal sealed class IctProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _sawLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _waitFor;
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    private IctProcess(string workingDirectory, string? waitFor, string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        _waitFor = waitFor;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(IctDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The ict.dll built beside this test assembly's configuration (Debug or Release).</summary>
    public static string IctDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepoPaths.Root, "engine", "Ict.Console", "bin", configuration, "net10.0", "ict.dll");
        }
    }

    public int Id => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static IctProcess Start(string workingDirectory, string? waitFor, params string[] args) => new(workingDirectory, waitFor, args);

    /// <summary>Starts ict with extra environment variables, without waiting for it.</summary>
    public static IctProcess StartWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        new(workingDirectory, null, args, environment);

    /// <summary>Waits until ict has printed a line containing <paramref name="text"/> (already printed counts).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (Stdout.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            _waiters.Add((text, seen));
        }

        using var cancel = new CancellationTokenSource(timeout);
        var exited = _process.WaitForExitAsync(cancel.Token);
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout, cancel.Token));
        if (first != seen.Task)
        {
            var why = first == exited && !exited.IsCanceled ? "exited first" : $"timed out after {timeout}";
            throw new TimeoutException($"ict did not print '{text}' ({why}).\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        await cancel.CancelAsync();
    }

    /// <summary>SIGKILL: no chance to finish anything.</summary>
    public void KillHard() => _process.Kill();

    public static async Task<IctProcess> RunAsync(string workingDirectory, params string[] args)
    {
        var process = new IctProcess(workingDirectory, null, args);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return process;
    }

    /// <summary>Runs ict to completion with extra (or, with a null value, removed) environment variables.</summary>
    public static async Task<IctProcess> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var process = new IctProcess(workingDirectory, null, args, environment);
        await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return process;
    }

    public int ExitCode => _process.ExitCode;

    public Task SawLine => _sawLine.Task;

    /// <summary>Completes when a line of standard output or error contains <paramref name="text"/> (at once if one already has).</summary>
    public Task WaitForLineAsync(string text)
    {
        lock (_waiters)
        {
            if (Stdout.Contains(text, StringComparison.Ordinal) || Stderr.Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
            return seen.Task;
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the output handlers
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }

        if (_waitFor is not null && line.Contains(_waitFor, StringComparison.Ordinal))
        {
            _sawLine.TrySetResult();
        }

        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }
}
