using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Ict.Notifiers.Shared;

/// <summary>
/// Posts JSON to a chat service with a per-attempt timeout, honouring its 429 answers: waits the retry-after the
/// service asks for and tries again, up to a limit. Any other failure throws, so the engine's notification queue
/// retries with backoff. Messages name the service, never the URL (which may hold a token). Compiled into each
/// notifier plugin that needs it (plugins stay self-contained assemblies).
/// </summary>
internal sealed class RateLimitedPoster(HttpClient http, TimeProvider time, string service)
{
    /// <summary>Reads a failed answer: text to append to the error ("" or ": why") and the retry-after to honour.</summary>
    public delegate Task<(string Detail, TimeSpan RetryAfter)> ErrorReader(HttpResponseMessage response, CancellationToken cancellationToken);

    public async Task PostAsync(Uri url, object body, PosterLimits limits, ErrorReader readError, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds));
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync(url, body, timeout.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new HttpRequestException($"{service} unreachable: {ex.HttpRequestError}", null, ex.StatusCode);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{service} did not answer within {limits.TimeoutSeconds}s");
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var (detail, retryAfter) = await readError(response, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                        $"{service} answered {(int)response.StatusCode} ({response.StatusCode}){detail}"), null, response.StatusCode);
                }

                if (attempt >= limits.MaxRateLimitRetries || retryAfter.TotalSeconds > limits.MaxRetryAfterSeconds)
                {
                    throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                        $"{service} rate limit: retry_after {retryAfter.TotalSeconds:0.###}s after {attempt + 1} attempt(s){detail}"), null, response.StatusCode);
                }

                await Task.Delay(retryAfter, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>How long to wait for one answer, and how much rate limiting to sit out before giving up.</summary>
internal readonly record struct PosterLimits(int TimeoutSeconds, int MaxRateLimitRetries, double MaxRetryAfterSeconds);
