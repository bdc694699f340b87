namespace Ict.SampleData;

/// <summary>
/// Generates a continuous, BTC-like candle series: volatility regimes, trend and range phases, an intraday
/// volatility and volume cycle, fat tails, and scripted ICT episodes (an opposite candle, a displacement leg that
/// leaves an order block and usually a fair value gap, a pullback into the block, then continuation or failure).
/// All arithmetic is decimal on values drawn from one seeded <see cref="Random"/>, so the output is reproducible.
/// </summary>
internal sealed class MarketGenerator
{
    /// <summary>The price step of BTCUSDT perpetual futures.</summary>
    public const decimal Tick = 0.1m;

    /// <summary>Per-candle return volatility of the normal regime on 15-minute candles.</summary>
    private const decimal NormalSigma15m = 0.0019m;

    /// <summary>Quote-asset (USDT) volume of an average 15-minute candle.</summary>
    private const decimal BaseNotional15m = 150_000_000m;

    /// <summary>Volatility by UTC hour: quiet late Asia, London open, busiest around the US open.</summary>
    private static readonly decimal[] HourVolatility =
    [
        0.95m, 0.90m, 0.85m, 0.80m, 0.75m, 0.75m, 0.80m, 0.95m, 1.05m, 1.00m, 0.95m, 0.95m,
        1.05m, 1.20m, 1.35m, 1.30m, 1.20m, 1.10m, 1.00m, 1.00m, 1.05m, 0.95m, 0.90m, 0.90m,
    ];

    private readonly DecimalRandom _rand;
    private readonly long _intervalMs;
    private readonly decimal _intervalScale;
    private readonly decimal _startPrice;
    private readonly decimal _baseNotional;

    private decimal _price;
    private decimal _lastReturn;
    private Regime _regime = Regime.Normal;
    private Phase _phase = Phase.Range;
    private int _phaseLeft;
    private decimal _trendStrength;
    private decimal _rangeAnchor;
    private decimal _heat = 0.8m;
    private int _cooldown;
    private Episode? _episode;

    public MarketGenerator(int seed, int intervalMinutes, decimal startPrice)
    {
        _rand = new DecimalRandom(seed);
        _intervalMs = intervalMinutes * 60_000L;
        // Volatility grows with the square root of time; Math.Sqrt is correctly rounded IEEE, so this is portable.
        _intervalScale = Math.Round((decimal)Math.Sqrt(intervalMinutes / 15.0), 6);
        _baseNotional = BaseNotional15m * intervalMinutes / 15m;
        _startPrice = startPrice;
        _price = startPrice;
        _rangeAnchor = startPrice;
        _phaseLeft = _rand.Int(60, 200);
    }

    private enum Regime
    {
        Quiet,
        Normal,
        Volatile,
    }

    private enum Phase
    {
        Range,
        TrendUp,
        TrendDown,
    }

    private enum Stage
    {
        Base,
        Displacement,
        Drift,
        Pullback,
        Hesitation,
        Continuation,
        Failure,
    }

    private enum Ending
    {
        Continue,
        Fail,
        NoReturn,
        WickReject,
    }

    private decimal NormalSigma => NormalSigma15m * _intervalScale;

    /// <summary>Generates <paramref name="count"/> consecutive candles starting at <paramref name="startMs"/>.</summary>
    public List<SampleCandle> Generate(long startMs, int count)
    {
        var candles = new List<SampleCandle>(count);
        for (var i = 0; i < count; i++)
        {
            var openTime = startMs + (i * _intervalMs);
            AdvanceRegime();
            AdvancePhase();

            var sigmaCore = CoreSigma(openTime);
            var sigma = sigmaCore * Math.Clamp(0.75m + (0.3m * _heat), 0.7m, 1.4m);

            if (_episode is null)
            {
                if (_cooldown > 0)
                {
                    _cooldown--;
                }
                else if (_rand.Chance(EpisodeChance(openTime)))
                {
                    StartEpisode(sigma);
                }
            }

            var candle = _episode is null
                ? Natural(openTime, sigmaCore, sigma, Drift(), 1m)
                : EpisodeCandle(openTime, sigmaCore);

            _lastReturn = (candle.Close - candle.Open) / candle.Open;
            _heat = (0.85m * _heat) + (0.15m * Math.Min(6m, Math.Abs(_lastReturn) / sigmaCore));
            _price = candle.Close;
            candles.Add(candle);
        }

        return candles;
    }

    private void AdvanceRegime()
    {
        var u = _rand.Uniform();
        _regime = _regime switch
        {
            Regime.Quiet => u < 0.008m ? Regime.Normal : Regime.Quiet,
            Regime.Normal => u < 0.004m ? Regime.Quiet : u < 0.007m ? Regime.Volatile : Regime.Normal,
            _ => u < 0.015m ? Regime.Normal : Regime.Volatile,
        };
    }

    private void AdvancePhase()
    {
        if (--_phaseLeft > 0)
        {
            return;
        }

        if (_rand.Chance(0.45m))
        {
            _phase = Phase.Range;
            _rangeAnchor = _price;
            _phaseLeft = _rand.Int(120, 400);
            return;
        }

        // Lean the next trend back towards the middle of the plausible band (about 0.85–1.4 × the start price).
        var upProbability = Math.Clamp(0.5m - (1.5m * ((_price / _startPrice) - 1.1m)), 0.15m, 0.85m);
        _phase = _rand.Chance(upProbability) ? Phase.TrendUp : Phase.TrendDown;
        _trendStrength = _rand.Uniform(0.06m, 0.2m);
        _phaseLeft = _rand.Int(100, 450);
    }

    private decimal CoreSigma(long openTimeMs)
    {
        var regime = _regime switch
        {
            Regime.Quiet => 0.0012m,
            Regime.Normal => NormalSigma15m,
            _ => 0.0030m,
        };
        var weekend = IsWeekend(openTimeMs) ? 0.75m : 1m;
        return regime * HourVolatility[HourOf(openTimeMs)] * weekend * _intervalScale;
    }

    private decimal Drift()
    {
        var drift = _phase switch
        {
            Phase.TrendUp => _trendStrength * NormalSigma,
            Phase.TrendDown => -_trendStrength * NormalSigma,
            _ => -0.012m * (_price - _rangeAnchor) / _price,
        };

        // Slight short-term mean reversion, as in real 15-minute returns.
        drift -= 0.15m * _lastReturn;

        // Soft walls keep a two-month sample inside a plausible band.
        if (_price < _startPrice * 0.85m)
        {
            drift += 0.25m * NormalSigma;
        }
        else if (_price > _startPrice * 1.38m)
        {
            drift -= 0.25m * NormalSigma;
        }

        return drift;
    }

    private decimal EpisodeChance(long openTimeMs)
    {
        var regime = _regime switch
        {
            Regime.Quiet => 0.015m,
            Regime.Normal => 0.03m,
            _ => 0.04m,
        };
        return regime * HourVolatility[HourOf(openTimeMs)];
    }

    private int ChooseEpisodeDirection()
    {
        var relative = _price / _startPrice;
        if (relative < 0.88m)
        {
            return _rand.Chance(0.75m) ? 1 : -1;
        }

        if (relative > 1.35m)
        {
            return _rand.Chance(0.75m) ? -1 : 1;
        }

        return _phase switch
        {
            Phase.TrendUp => _rand.Chance(0.7m) ? 1 : -1,
            Phase.TrendDown => _rand.Chance(0.7m) ? -1 : 1,
            _ => _rand.Chance(_price > _rangeAnchor ? 0.4m : 0.6m) ? 1 : -1,
        };
    }

    private void StartEpisode(decimal sigma)
    {
        var dir = ChooseEpisodeDirection();
        var withTrend = (_phase == Phase.TrendUp && dir > 0) || (_phase == Phase.TrendDown && dir < 0);
        var againstTrend = (_phase == Phase.TrendUp && dir < 0) || (_phase == Phase.TrendDown && dir > 0);
        var continueProbability = withTrend ? 0.5m : againstTrend ? 0.36m : 0.44m;

        var u = _rand.Uniform();
        var ending = u < 0.15m ? Ending.NoReturn
            : u < 0.27m ? Ending.WickReject
            : _rand.Chance(continueProbability) ? Ending.Continue
            : Ending.Fail;

        _episode = new Episode
        {
            Dir = dir,
            Stage = Stage.Base,
            Left = 1,
            Sigma = Math.Clamp(sigma, 0.95m * NormalSigma, 1.9m * NormalSigma),
            Ending = ending,
        };
    }

    private SampleCandle EpisodeCandle(long openTime, decimal sigmaCore)
    {
        var e = _episode!;
        var open = _price;
        SampleCandle candle;
        switch (e.Stage)
        {
            case Stage.Base:
            {
                // The last opposite-colour candle before the move: this becomes the order block.
                var body = Math.Max(3 * Tick, RoundTick(open * e.Sigma * _rand.Uniform(0.35m, 1.0m)));
                var close = open - (e.Dir * body);
                candle = Build(openTime, open, close, WickSize(open, e.Sigma, 0.8m), WickSize(open, e.Sigma, 0.8m), sigmaCore, _rand.Uniform(0.8m, 1.2m));
                e.ZoneLow = candle.Low;
                e.ZoneHigh = candle.High;
                var u = _rand.Uniform();
                Next(e, Stage.Displacement, u < 0.4m ? 1 : u < 0.85m ? 2 : 3);
                break;
            }

            case Stage.Displacement:
                candle = Strong(openTime, e.Dir, e.Sigma * _rand.Uniform(1.5m, 3.0m), 0.77m, 0.95m, sigmaCore, _rand.Uniform(1.8m, 3.2m));
                if (--e.Left == 0)
                {
                    Next(e, Stage.Drift, _rand.Int(2, 10));
                }

                break;

            case Stage.Drift:
                candle = Natural(openTime, sigmaCore, 0.8m * e.Sigma, e.Dir * 0.25m * e.Sigma, 1m);
                if (--e.Left == 0)
                {
                    PlanPullback(e, candle.Close);
                }

                break;

            case Stage.Pullback:
                candle = PullbackCandle(openTime, sigmaCore, e);
                if (--e.Left == 0)
                {
                    if (e.Ending == Ending.WickReject)
                    {
                        PlanFinalLeg(e, Stage.Continuation);
                    }
                    else
                    {
                        Next(e, Stage.Hesitation, _rand.Int(0, 4));
                        if (e.Left == 0)
                        {
                            PlanFinalLeg(e, e.Ending == Ending.Continue ? Stage.Continuation : Stage.Failure);
                        }
                    }
                }

                break;

            case Stage.Hesitation:
                candle = Natural(openTime, sigmaCore, 0.6m * e.Sigma, 0m, 0.9m);
                if (--e.Left == 0)
                {
                    PlanFinalLeg(e, e.Ending == Ending.Continue ? Stage.Continuation : Stage.Failure);
                }

                break;

            case Stage.Continuation:
                candle = Strong(openTime, e.Dir, e.LegPerCandle * _rand.Uniform(0.7m, 1.3m), 0.72m, 0.93m, sigmaCore, _rand.Uniform(1.5m, 2.8m));
                if (--e.Left == 0)
                {
                    EndEpisode();
                }

                break;

            default:
            {
                // Failure: break through the far side of the block.
                var distance = e.Dir > 0 ? (open - e.Target) / open : (e.Target - open) / open;
                var move = Math.Max(e.Sigma * 0.8m, distance / e.Left);
                candle = Strong(openTime, -e.Dir, move, 0.72m, 0.92m, sigmaCore, _rand.Uniform(1.5m, 2.8m));
                if (--e.Left == 0)
                {
                    EndEpisode();
                }

                break;
            }
        }

        return candle;
    }

    private void PlanPullback(Episode e, decimal price)
    {
        if (e.Ending == Ending.NoReturn)
        {
            EndEpisode();
            return;
        }

        var height = e.ZoneHigh - e.ZoneLow;
        if (e.Ending == Ending.WickReject)
        {
            // Close just outside the block; the last pullback candle only wicks into it.
            var offset = Math.Max(2 * Tick, RoundTick(price * e.Sigma * _rand.Uniform(0.1m, 0.35m)));
            e.Target = e.Dir > 0 ? e.ZoneHigh + offset : e.ZoneLow - offset;
        }
        else
        {
            // Close inside the block, more often in its near half.
            var depth = _rand.Uniform(0.05m, 0.75m);
            e.Target = e.Dir > 0
                ? RoundTick(e.ZoneHigh - (height * depth))
                : RoundTick(e.ZoneLow + (height * depth));
        }

        var distance = Math.Abs(price - e.Target) / price;
        var candles = (int)Math.Clamp(Math.Round(distance / (0.7m * e.Sigma)), 2m, 14m) + _rand.Int(0, 3);
        Next(e, Stage.Pullback, candles);
    }

    private SampleCandle PullbackCandle(long openTime, decimal sigmaCore, Episode e)
    {
        var open = _price;
        decimal close;
        if (e.Left == 1)
        {
            close = e.Target;
        }
        else
        {
            var step = (e.Target - open) / e.Left;
            close = RoundTick(open + step + (open * e.Sigma * 0.35m * _rand.Normal()));
        }

        // Never close through the far side of the block during the pullback itself.
        close = e.Dir > 0 ? Math.Max(close, e.ZoneLow + Tick) : Math.Min(close, e.ZoneHigh - Tick);
        if (close == open)
        {
            close = open - (e.Dir * Tick);
        }

        var up = WickSize(open, e.Sigma, 0.8m);
        var down = WickSize(open, e.Sigma, 0.8m);
        if (e.Left == 1 && e.Ending == Ending.WickReject)
        {
            // The rejection wick reaches into the block.
            var height = e.ZoneHigh - e.ZoneLow;
            var reach = RoundTick(height * _rand.Uniform(0.1m, 0.6m));
            if (e.Dir > 0)
            {
                down = Math.Max(down, Math.Min(open, close) - (e.ZoneHigh - reach));
            }
            else
            {
                up = Math.Max(up, e.ZoneLow + reach - Math.Max(open, close));
            }
        }

        return Build(openTime, open, close, up, down, sigmaCore, _rand.Uniform(0.7m, 1.0m));
    }

    private void PlanFinalLeg(Episode e, Stage stage)
    {
        if (stage == Stage.Continuation)
        {
            var total = e.Sigma * _rand.Uniform(2.8m, 9.0m);
            var count = _rand.Int(1, 4);
            e.LegPerCandle = total / count;
            Next(e, stage, count);
            return;
        }

        var beyond = _rand.Uniform(0.003m, 0.008m);
        e.Target = e.Dir > 0 ? e.ZoneLow * (1 - beyond) : e.ZoneHigh * (1 + beyond);
        Next(e, stage, _rand.Int(1, 3));
    }

    private static void Next(Episode e, Stage stage, int left)
    {
        e.Stage = stage;
        e.Left = left;
    }

    private void EndEpisode()
    {
        _episode = null;
        _cooldown = _rand.Int(4, 16);
    }

    private SampleCandle Natural(long openTime, decimal sigmaCore, decimal sigma, decimal drift, decimal volumeFactor)
    {
        var open = _price;
        var r = drift + (sigma * _rand.FatTailed(0.01m));
        var close = Math.Max(Tick, RoundTick(open * (1 + r)));
        // Big candles carry big wicks too: part of each wick scales with the body.
        var body = Math.Abs(close - open);
        var up = WickSize(open, sigma, 1m) + RoundTick(body * _rand.Uniform(0m, 0.4m));
        var down = WickSize(open, sigma, 1m) + RoundTick(body * _rand.Uniform(0m, 0.4m));
        return Build(openTime, open, close, up, down, sigmaCore, volumeFactor);
    }

    /// <summary>A strong-bodied candle: body <paramref name="bodyFraction"/> of price, body/range between the bounds.</summary>
    private SampleCandle Strong(long openTime, int dir, decimal bodyFraction, decimal minRatio, decimal maxRatio, decimal sigmaCore, decimal volumeFactor)
    {
        var open = _price;
        var body = Math.Max(3 * Tick, RoundTick(open * bodyFraction));
        var close = Math.Max(Tick, open + (dir * body));
        body = Math.Abs(close - open);
        var ratio = _rand.Uniform(minRatio, maxRatio);
        var wicks = body * ((1 / ratio) - 1);
        var share = _rand.Uniform(0.15m, 0.85m);
        var up = RoundTick(wicks * share);
        var down = RoundTick(wicks * (1 - share));
        return Build(openTime, open, close, up, down, sigmaCore, volumeFactor);
    }

    private decimal WickSize(decimal open, decimal sigma, decimal scale)
    {
        var w = 0.2m + (0.6m * _rand.Uniform());
        if (_rand.Chance(0.08m))
        {
            w += _rand.Uniform(0.5m, 1.5m); // the occasional stop hunt
        }

        return RoundTick(open * sigma * w * scale);
    }

    private SampleCandle Build(long openTime, decimal open, decimal close, decimal upWick, decimal downWick, decimal sigmaCore, decimal volumeFactor)
    {
        var high = Math.Max(open, close) + Math.Max(0m, upWick);
        var low = Math.Max(Tick, Math.Min(open, close) - Math.Max(0m, downWick));
        return new SampleCandle(openTime, open, high, low, close, Volume(openTime, open, high, low, sigmaCore, volumeFactor));
    }

    private decimal Volume(long openTime, decimal open, decimal high, decimal low, decimal sigmaCore, decimal factor)
    {
        var hour = HourVolatility[HourOf(openTime)];
        var weekend = IsWeekend(openTime) ? 0.6m : 1m;
        var regime = _regime switch
        {
            Regime.Quiet => 0.75m,
            Regime.Normal => 1m,
            _ => 1.45m,
        };
        var rangeRatio = Math.Min(8m, (high - low) / (open * sigmaCore));
        var volume = _baseNotional / open * hour * hour * weekend * regime
            * (0.45m + (0.4m * rangeRatio)) * _rand.Uniform(0.8m, 1.25m) * factor;
        return Math.Max(0.001m, Math.Round(volume, 3, MidpointRounding.AwayFromZero));
    }

    private static decimal RoundTick(decimal price) =>
        Math.Round(price / Tick, MidpointRounding.AwayFromZero) * Tick;

    private static int HourOf(long openTimeMs) => (int)(openTimeMs / 3_600_000L % 24);

    /// <summary>Saturday or Sunday (UTC). 1970-01-01 was a Thursday.</summary>
    private static bool IsWeekend(long openTimeMs)
    {
        var dayOfWeek = ((openTimeMs / 86_400_000L) + 4) % 7; // 0 = Sunday
        return dayOfWeek is 0 or 6;
    }

    private sealed class Episode
    {
        public int Dir { get; init; }

        public Stage Stage { get; set; }

        public int Left { get; set; }

        public decimal Sigma { get; init; }

        public Ending Ending { get; init; }

        public decimal ZoneLow { get; set; }

        public decimal ZoneHigh { get; set; }

        public decimal Target { get; set; }

        public decimal LegPerCandle { get; set; }
    }
}
