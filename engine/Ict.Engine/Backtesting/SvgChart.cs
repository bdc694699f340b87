using System.Globalization;
using System.Text;

namespace Ict.Engine.Backtesting;

/// <summary>A minimal SVG plot: maps time and value ranges onto a fixed canvas.</summary>
internal sealed class SvgChart(string title, long fromMs, long toMs, double low, double high, int width = 1100, int height = 260)
{
    private const int Left = 70;
    private const int Top = 24;
    private const int Bottom = 24;
    private readonly StringBuilder _body = new();

    public double X(long ms) => Left + ((double)(ms - fromMs) / Math.Max(1, toMs - fromMs) * (width - Left - 10));

    public double Y(double value) => Top + ((high - value) / (high - low == 0 ? 1 : high - low) * (height - Top - Bottom));

    public void Polyline(IEnumerable<(long Ms, double Value)> points, string color, double strokeWidth = 1.2)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{strokeWidth}\" points=\"");
        foreach (var (ms, value) in points)
        {
            _body.Append(CultureInfo.InvariantCulture, $"{X(ms):0.#},{Y(value):0.#} ");
        }

        _body.Append("\"/>");
    }

    public void Area(IEnumerable<(long Ms, double Value)> points, double baseline, string color)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        _body.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"{color}\" points=\"{X(list[0].Ms):0.#},{Y(baseline):0.#} ");
        foreach (var (ms, value) in list)
        {
            _body.Append(CultureInfo.InvariantCulture, $"{X(ms):0.#},{Y(value):0.#} ");
        }

        _body.Append(CultureInfo.InvariantCulture, $"{X(list[^1].Ms):0.#},{Y(baseline):0.#}\"/>");
    }

    public void Rect(long fromTime, long toTime, double top, double bottom, string color, string tooltip)
    {
        var x = X(fromTime);
        var w = Math.Max(1, X(toTime) - x);
        var y = Y(top);
        var h = Math.Max(1, Y(bottom) - y);
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{color}\"><title>{Html(tooltip)}</title></rect>");
    }

    public void Marker(long ms, double value, string shape, string color, string tooltip)
    {
        var x = X(ms);
        var y = Y(value);
        var points = shape switch
        {
            "up" => $"{x:0.#},{y - 6:0.#} {x - 5:0.#},{y + 4:0.#} {x + 5:0.#},{y + 4:0.#}",
            "down" => $"{x:0.#},{y + 6:0.#} {x - 5:0.#},{y - 4:0.#} {x + 5:0.#},{y - 4:0.#}",
            _ => $"{x - 4:0.#},{y:0.#} {x:0.#},{y - 4:0.#} {x + 4:0.#},{y:0.#} {x:0.#},{y + 4:0.#}",
        };
        _body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{points}\" fill=\"{color}\" stroke=\"#222\" stroke-width=\"0.5\"><title>{Html(tooltip)}</title></polygon>");
    }

    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/><text x=\"{Left}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{Html(title)}</text>");
        for (var i = 0; i <= 4; i++)
        {
            var value = low + ((high - low) * i / 4);
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{width - 10}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#eee\"/><text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{value:0.##}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 6}\" font-size=\"10\">{Date(fromMs)}</text><text x=\"{width - 10}\" y=\"{height - 6}\" font-size=\"10\" text-anchor=\"end\">{Date(toMs)}</text>");
        svg.Append(_body).Append("</svg>");
        return svg.ToString();
    }

    public static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
