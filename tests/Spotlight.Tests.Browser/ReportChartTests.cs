using Spotlight.LoadTest.Common;

namespace Spotlight.Tests.Browser;

/// <summary>A load-test report is one self-contained file whose charts Chart.js draws in a real browser: the
/// series hold the report's numbers, and the tooltip follows the keyboard.</summary>
[Collection(SiteCollection.Name)]
public class ReportChartTests(SiteFixture site)
{
    [Fact]
    public async Task AReportsChart_IsDrawnFromItsNumbers_OfflineAndWithoutTheSite()
    {
        var html = HtmlPage.Start("chart check")
            .Append(ReportChart.Lines([1, 2, 3, 4], [("events/s", "#2563eb", [10, 40, 35, 5]), ("p99", "#dc2626", [1.5, 2, 9, 3])], "s", (2, 3)))
            .Append("</html>").ToString();
        var context = await site.Browser.NewContextAsync(new() { Offline = true });
        var page = new SitePage(await context.NewPageAsync());
        await page.Page.SetContentAsync(html);

        var drawn = await page.Page.EvaluateAsync<string>(
            "() => Chart.getChart(document.querySelector('canvas')).data.datasets.map(d => d.label + ':' + d.data.map(p => p.x + '=' + p.y).join(',')).join(' | ')");
        Assert.Equal("events/s:1=10,2=40,3=35,4=5 | p99:1=1.5,2=2,3=9,4=3", drawn);

        await page.Page.Locator("canvas").FocusAsync();
        await page.Page.Keyboard.PressAsync("End");
        Assert.Equal(4, await page.Page.EvaluateAsync<int>("() => { const t = Chart.getChart(document.querySelector('canvas')).tooltip; return t.opacity > 0 ? t.dataPoints[0].dataIndex + 1 : 0; }"));
        Assert.Empty(page.Errors);
    }
}
