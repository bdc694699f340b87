using System.Globalization;
using System.Text.Json;

namespace Ict.Console.Commands.Doctor;

/// <summary>
/// Compares this machine's clock with the venue's (<c>GET /fapi/v1/time</c>). Binance refuses a signed request whose
/// timestamp is more than a second ahead of its clock (-1021), so a skew past that is a failure.
/// </summary>
internal static class ClockCheck
{
    public static readonly TimeSpan WarnAbove = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan FailAbove = TimeSpan.FromMilliseconds(1000);

    public static async Task<DoctorLine> RunAsync(Uri restBase, TimeProvider time, TimeSpan timeout, CancellationToken cancel)
    {
        const string name = "clock";
        using var http = new HttpClient { Timeout = timeout };
        var url = new Uri(restBase, "/fapi/v1/time");
        long serverMs;
        DateTimeOffset sent, received;
        try
        {
            sent = time.GetUtcNow();
            var body = await http.GetStringAsync(url, cancel).ConfigureAwait(false);
            received = time.GetUtcNow();
            using var json = JsonDocument.Parse(body);
            serverMs = json.RootElement.GetProperty("serverTime").GetInt64();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return DoctorLine.Warn(name, $"skipped: {url} not reachable ({ex.Message})");
        }

        // The server read its clock somewhere in the round trip: compare with its middle.
        var local = sent + ((received - sent) / 2);
        var skew = DateTimeOffset.FromUnixTimeMilliseconds(serverMs) - local;
        var magnitude = skew.Duration();
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"this machine is {magnitude.TotalMilliseconds:0} ms {(skew > TimeSpan.Zero ? "behind" : "ahead of")} {restBase.Host} (round trip {(received - sent).TotalMilliseconds:0} ms)");
        return magnitude > FailAbove ? DoctorLine.Fail(name, detail + "; signed requests will be refused: sync the clock (chrony, timedatectl set-ntp true)")
            : magnitude > WarnAbove ? DoctorLine.Warn(name, detail + "; sync the clock soon")
            : DoctorLine.Ok(name, detail);
    }
}
