using System.Buffers.Binary;
using System.Numerics;

namespace Ict.Engine.Trading;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the short keys of <see cref="ClientOrderIds.SignalId"/>: a backtest hashes
/// one key per signal, tens of thousands per run, and the platform's one-shot hash goes through OpenSSL, which sets up
/// and frees a digest context each call (a few microseconds; this takes well under one). The round constants and the
/// initial hash are derived as the standard defines them (fractional parts of the cube and square roots of the first
/// primes); tests compare every output with <see cref="System.Security.Cryptography.SHA256"/>.
/// </summary>
internal static class Sha256
{
    public const int HashSize = 32;

    private static readonly uint[] RoundConstants = FirstPrimes(64).Select(p => FractionBits(Math.Cbrt(p))).ToArray();
    private static readonly uint[] InitialHash = FirstPrimes(8).Select(p => FractionBits(Math.Sqrt(p))).ToArray();

    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        if (digest.Length < HashSize)
        {
            throw new ArgumentException($"the digest needs {HashSize} bytes", nameof(digest));
        }

        Span<uint> state = stackalloc uint[8];
        InitialHash.CopyTo(state);
        Span<uint> schedule = stackalloc uint[64];
        var whole = message.Length / 64;
        for (var i = 0; i < whole; i++)
        {
            Compress(state, message.Slice(i * 64, 64), schedule);
        }

        // The padding: 0x80, zeros, and the message length in bits as a big-endian 64-bit number, in one or two blocks.
        Span<byte> last = stackalloc byte[64];
        last.Clear();
        var rest = message[(whole * 64)..];
        rest.CopyTo(last);
        last[rest.Length] = 0x80;
        if (rest.Length >= 56)
        {
            Compress(state, last, schedule);
            last.Clear();
        }

        BinaryPrimitives.WriteUInt64BigEndian(last[56..], (ulong)message.Length * 8);
        Compress(state, last, schedule);
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], state[i]);
        }
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = h + sum1 + choose + k[t] + w[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + sum0 + majority;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    // The first 32 bits of the fractional part.
    private static uint FractionBits(double value) => (uint)((value - Math.Floor(value)) * 4294967296.0);

    private static IEnumerable<int> FirstPrimes(int count)
    {
        var found = 0;
        for (var candidate = 2; found < count; candidate++)
        {
            var prime = true;
            for (var divisor = 2; divisor * divisor <= candidate; divisor++)
            {
                if (candidate % divisor == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                found++;
                yield return candidate;
            }
        }
    }
}
