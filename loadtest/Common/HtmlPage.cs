using System.Net;
using System.Text;

namespace Spotlight.LoadTest.Common;

/// <summary>The frame of a self-contained report page: title, style, and a table of figures.</summary>
public static class HtmlPage
{
    public static StringBuilder Start(string title) => new StringBuilder()
        .Append("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
        .Append("<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}svg{background:#fafafa;border:1px solid #ddd;margin:.5rem 0 1.5rem}</style>");

    public static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><th>").Append(WebUtility.HtmlEncode(name)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
}
