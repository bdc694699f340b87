using System.Diagnostics;

namespace Ict.Console.Tests.Support;

/// <summary>
/// A tmux server of its own (a private socket) with one session of a fixed size, for driving the terminal UI the way
/// an operator would: send keys, read the screen with capture-pane. Killed on dispose, with whatever still runs in it.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private readonly string _socket = "ict-test-" + Guid.NewGuid().ToString("N")[..12];

    private Tmux()
    {
    }

    /// <summary>The tmux executable on PATH, or null.</summary>
    public static string? Executable =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "tmux"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts <paramref name="shellCommand"/> in a detached session of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static async Task<Tmux> StartAsync(int width, int height, string shellCommand)
    {
        var tmux = new Tmux();
        // remain-on-exit: the pane keeps what the program printed last (its summary) after it exits.
        await tmux.RunAsync("new-session", "-d", "-s", "main", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), shellCommand, ";", "set-option", "-t", "main", "remain-on-exit", "on");
        return tmux;
    }

    public Task<string> CaptureAsync() => RunAsync("capture-pane", "-p", "-t", "main");

    public Task SendKeysAsync(params string[] keys) => RunAsync(["send-keys", "-t", "main", .. keys]);

    public Task ResizeAsync(int width, int height) => RunAsync("resize-window", "-t", "main",
        "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Reads the screen until <paramref name="done"/> holds; fails with the last screen after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> done, TimeSpan timeout, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        string screen;
        while (true)
        {
            screen = await CaptureAsync();
            if (done(screen))
            {
                return screen;
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                Assert.Fail($"tmux: {what} did not happen within {timeout.TotalSeconds:0}s; the screen was:\n{screen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        }
    }

    public void Dispose()
    {
        try
        {
            RunAsync("kill-server").Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // the server is already gone
        }
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(Executable ?? "tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
