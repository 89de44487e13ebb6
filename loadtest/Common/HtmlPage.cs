using System.Net;
using System.Text;

namespace Spotlight.LoadTest.Common;

/// <summary>The frame of a self-contained report page: title, style, the chart library inlined (the copy the
/// web pages serve, pinned in client-api/web-libraries) with the few lines that draw each
/// <see cref="ReportChart"/>, and a table of figures.</summary>
public static class HtmlPage
{
    private static readonly Lazy<string> ChartLibrary = new(() =>
    {
        using var stream = typeof(HtmlPage).Assembly.GetManifestResourceStream("chart.umd.min.js")
            ?? throw new InvalidOperationException("The chart library is not embedded in the load test (see its .csproj).");
        return new StreamReader(stream).ReadToEnd();
    });

    // Draws every chart of the page from its JSON: a linear x axis in the chart's unit, the shaded phase
    // behind the lines, and a tooltip that follows the arrow keys as it follows the pointer.
    private const string DrawCharts = """
        document.addEventListener('DOMContentLoaded', () => {
          for (const data of document.querySelectorAll('script.chart-data')) {
            const spec = JSON.parse(data.textContent);
            const canvas = data.parentElement.querySelector('canvas');
            const shade = { id: 'shade', beforeDatasetsDraw(chart) {
              if (!spec.shaded) return;
              const { ctx, chartArea, scales } = chart;
              ctx.save(); ctx.fillStyle = 'rgba(253, 230, 138, .5)';
              const left = scales.x.getPixelForValue(spec.shaded[0]), right = scales.x.getPixelForValue(spec.shaded[1]);
              ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top); ctx.restore();
            } };
            const chart = new Chart(canvas, {
              type: 'line',
              data: { datasets: spec.series.map(s => ({ label: s.name, data: s.points.map(([x, y]) => ({ x, y })), borderColor: s.color, backgroundColor: s.color, pointRadius: 0, borderWidth: 1.5 })) },
              options: { animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
                scales: { x: { type: 'linear', title: { display: true, text: spec.unit } }, y: { beginAtZero: true } } },
              plugins: [shade],
            });
            let index = -1;
            const count = spec.series[0]?.points.length ?? 0;
            canvas.addEventListener('keydown', event => {
              const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 };
              if (!(event.key in moves) || count === 0) return;
              event.preventDefault();
              index = Math.max(0, Math.min(count - 1, moves[event.key]));
              const active = spec.series.map((_, datasetIndex) => ({ datasetIndex, index }));
              chart.setActiveElements(active); chart.tooltip.setActiveElements(active, { x: 0, y: 0 }); chart.update();
            });
          }
        });
        """;

    public static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
        .Append("<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}")
        .Append("figure.chart{margin:.5rem 0 1.5rem}figure.chart .area{position:relative;height:280px;max-width:960px;background:#fafafa;border:1px solid #ddd}</style>")
        .Append("<script>").Append(ChartLibrary.Value).Append("</script><script>").Append(DrawCharts).Append("</script>");

    public static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(WebUtility.HtmlEncode(name)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
}
