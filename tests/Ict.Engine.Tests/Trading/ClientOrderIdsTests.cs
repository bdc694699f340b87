using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ict.Abstractions;
using Ict.Engine.Trading;

namespace Ict.Engine.Tests.Trading;

public sealed class ClientOrderIdsTests
{
    [Fact]
    public void Sha256_MatchesThePlatformHash_ForEveryLengthAcrossTheBlockAndPaddingBoundaries()
    {
        var random = new Random(11);
        Span<byte> ours = stackalloc byte[32];
        for (var length = 0; length <= 300; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            Sha256.Hash(message, ours);
            Assert.True(SHA256.HashData(message).AsSpan().SequenceEqual(ours), $"length {length}");
        }
    }

    [Fact]
    public void Sha256_MatchesTheStandardsTestVectors()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(""));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex("abc"));
        Assert.Equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    [Theory]
    [InlineData("ict.ob-fvg", "BTCUSDT", PositionSide.Long, 1_704_067_200_000L)]
    [InlineData("my.strategy", "ETHUSDT", PositionSide.Short, 0L)]
    [InlineData("stratégie-ü", "1000PEPEUSDT", PositionSide.Long, 1_893_456_000_000L)]
    public void SignalId_IsTheFirst16HexDigitsOfSha256OverStrategySymbolSideAndOpenTime(string strategy, string symbol, PositionSide side, long openMs)
    {
        // The ids of orders already on an exchange were made this way: a restart must derive the same ones.
        var signal = new EntrySignal(new Symbol(symbol), side, 100m, 99m, 102m);
        var key = string.Join('|', strategy, symbol, side.ToString(), openMs.ToString(CultureInfo.InvariantCulture));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))[..8]);

        Assert.Equal(expected, ClientOrderIds.SignalId(strategy, signal, DateTimeOffset.FromUnixTimeMilliseconds(openMs)));
    }

    [Fact]
    public void SignalId_OfALongStrategyId_IsHashedToo()
    {
        var strategy = new string('s', 400);
        var signal = new EntrySignal(new Symbol("BTCUSDT"), PositionSide.Long, 100m, 99m, 102m);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(strategy + "|BTCUSDT|Long|5"))[..8]);

        Assert.Equal(expected, ClientOrderIds.SignalId(strategy, signal, DateTimeOffset.FromUnixTimeMilliseconds(5)));
    }

    private static string Hex(string text)
    {
        var digest = new byte[32];
        Sha256.Hash(Encoding.ASCII.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest);
    }
}
