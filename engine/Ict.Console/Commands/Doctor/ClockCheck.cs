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
    private const int Samples = 3;

    public static async Task<DoctorLine> RunAsync(Uri restBase, TimeProvider time, TimeSpan timeout, CancellationToken cancel)
    {
        const string name = "clock";
        using var http = new HttpClient { Timeout = timeout };
        var url = new Uri(restBase, "/fapi/v1/time");
        // Like NTP: several samples, keeping the one with the shortest round trip (the first also pays for connecting).
        (TimeSpan Skew, TimeSpan RoundTrip)? best = null;
        try
        {
            for (var i = 0; i < Samples; i++)
            {
                var sent = time.GetUtcNow();
                var body = await http.GetStringAsync(url, cancel).ConfigureAwait(false);
                var received = time.GetUtcNow();
                using var json = JsonDocument.Parse(body);
                var server = DateTimeOffset.FromUnixTimeMilliseconds(json.RootElement.GetProperty("serverTime").GetInt64());
                // The server read its clock somewhere in the round trip: compare with its middle.
                var sample = (server - (sent + ((received - sent) / 2)), received - sent);
                if (best is null || sample.Item2 < best.Value.RoundTrip)
                {
                    best = sample;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return DoctorLine.Warn(name, $"skipped: {url} not reachable ({ex.Message})");
        }

        var (skew, roundTrip) = best!.Value;
        var magnitude = skew.Duration();
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"this machine is {magnitude.TotalMilliseconds:0} ms {(skew > TimeSpan.Zero ? "behind" : "ahead of")} {restBase.Host} (best round trip of {Samples}: {roundTrip.TotalMilliseconds:0} ms)");
        return magnitude > FailAbove ? DoctorLine.Fail(name, detail + "; signed requests will be refused: sync the clock (chrony, timedatectl set-ntp true)")
            : magnitude > WarnAbove ? DoctorLine.Warn(name, detail + "; sync the clock soon")
            : DoctorLine.Ok(name, detail);
    }
}
