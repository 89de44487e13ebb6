using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Spotlight.LoadTest.Common;

/// <summary>
/// Line charts in a report: the numbers as JSON beside a canvas that Chart.js draws (axes with ticks, a
/// legend, tooltips on hover and keyboard focus, the shaded phase), and the same numbers in a table. The
/// library is inlined by <see cref="HtmlPage"/>, so a report stays one self-contained file.
/// </summary>
public static class ReportChart
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="shaded">An x range drawn behind the lines, such as the viral phase.</param>
    public static string Lines(double[] xs, (string Name, string Color, double[] Ys)[] series, string xUnit, (double From, double To)? shaded = null)
    {
        var data = new
        {
            unit = xUnit,
            shaded = shaded is var (from, to) ? new[] { from, to } : null,
            series = series.Select(s => new { name = s.Name, color = s.Color, points = xs.Zip(s.Ys).Select(p => new[] { p.First, p.Second }) }),
        };
        // The default encoder writes '<' as \u003C, so the JSON cannot close its script element.
        var html = new StringBuilder("<figure class=\"chart\"><div class=\"area\"><canvas role=\"img\" tabindex=\"0\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(string.Join(", ", series.Select(s => s.Name)) + "; the numbers are in the table below"))
            .Append("\"></canvas></div><script type=\"application/json\" class=\"chart-data\">")
            .Append(JsonSerializer.Serialize(data, Json))
            .Append("</script><details><summary>Numbers</summary><table><tr><th>")
            .Append(WebUtility.HtmlEncode(xUnit)).Append("</th>");
        foreach (var s in series)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(s.Name)).Append("</th>");
        }

        html.Append("</tr>");
        for (var i = 0; i < xs.Length; i++)
        {
            html.Append("<tr><td>").Append(Format(xs[i])).Append("</td>");
            foreach (var s in series)
            {
                html.Append("<td>").Append(i < s.Ys.Length ? Format(s.Ys[i]) : "").Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table></details></figure>").ToString();
    }

    private static string Format(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
