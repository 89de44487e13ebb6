using System.Globalization;
using System.Net;
using System.Text;

namespace Spotlight.LoadTest.Common;

/// <summary>Line charts as inline SVG, so a report is one self-contained page (no scripts, no CDN).</summary>
public static class SvgChart
{
    private const double Width = 900, Height = 260, Left = 60, Bottom = 30, Top = 10;

    /// <param name="shaded">An x range drawn behind the lines, such as the viral phase.</param>
    public static string Lines(double[] xs, (string Name, string Color, double[] Ys)[] series, string xUnit, (double From, double To)? shaded = null)
    {
        var maxX = Math.Max(1, xs.DefaultIfEmpty(1).Max());
        var maxY = Math.Max(1, series.SelectMany(s => s.Ys).DefaultIfEmpty(1).Max());
        string X(double x) => Format(Left + (x / maxX * (Width - Left - 10)));
        string Y(double y) => Format(Top + ((1 - (y / maxY)) * (Height - Top - Bottom)));
        var svg = new StringBuilder($"<svg width=\"{Width}\" height=\"{Height}\" role=\"img\">");
        if (shaded is var (from, to))
        {
            svg.Append($"<rect x=\"{X(from)}\" y=\"{Top}\" width=\"{Format((to - from) / maxX * (Width - Left - 10))}\" height=\"{Height - Top - Bottom}\" fill=\"#fde68a\" opacity=\".5\"/>");
        }

        svg.Append($"<text x=\"4\" y=\"{Top + 10}\" font-size=\"11\">{maxY.ToString("N0", CultureInfo.InvariantCulture)}</text><text x=\"4\" y=\"{Height - Bottom}\" font-size=\"11\">0</text>");
        svg.Append($"<text x=\"{Width - 60}\" y=\"{Height - 8}\" font-size=\"11\">{maxX.ToString("N0", CultureInfo.InvariantCulture)} {WebUtility.HtmlEncode(xUnit)}</text>");
        for (var i = 0; i < series.Length; i++)
        {
            var (name, color, ys) = series[i];
            var points = string.Join(' ', xs.Zip(ys).Select(p => $"{X(p.First)},{Y(p.Second)}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points}\"/>");
            svg.Append($"<text x=\"{Left + 10 + (i * 90)}\" y=\"{Height - 8}\" font-size=\"12\" fill=\"{color}\">{WebUtility.HtmlEncode(name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
