using System.Net;
using System.Text;

namespace Docket.Cli.Reports;

/// <summary>
/// A self-contained HTML page: inline CSS, charts embedded as data: URIs, no external resource (its content security
/// policy forbids any), and a small inline script, first in the head so that it hears every later error, that records
/// on the page whether every chart decoded and any error or blocked request, so a headless browser's DOM dump says
/// whether the page rendered.
/// </summary>
internal sealed class ReportPage(string title)
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        p.meta { color: #555; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td code { color: #666; font-size: 0.85em; }
        tr.significant td { background: #fff3cd; font-weight: bold; }
        tr.departing td { background: #fde2e1; font-weight: bold; }
        caption { text-align: left; color: #444; padding: 0.3em 0; }
        span.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em; vertical-align: -0.1em; border-radius: 2px; }
        figure.chart { margin: 1.2em 0; }
        figure.chart img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #444; font-size: 0.9em; margin-top: 0.3em; }
        #page-errors { color: #b00; }
        ul.warnings { background: #fff3cd; border: 1px solid #e0c36b; padding: 0.6em 0.6em 0.6em 2em; }
        ul.warnings code { color: #7a5b00; }
        """;

    private const string Check = """
        (function () {
          var errors = [];
          function record(message) {
            errors.push(message);
            var list = document.getElementById('page-errors');
            if (list) { list.textContent = errors.join('\n'); list.hidden = false; }
            if (document.body) { document.body.setAttribute('data-errors', String(errors.length)); }
          }
          window.addEventListener('error', function (e) {
            var target = e.target && e.target.tagName ? e.target.tagName + ' ' + (e.target.getAttribute('alt') || '') : '';
            record('error: ' + (e.message || ('could not load ' + target)));
          }, true);
          document.addEventListener('securitypolicyviolation', function (e) { record('blocked: ' + e.blockedURI); });
          window.addEventListener('load', function () {
            var images = Array.prototype.slice.call(document.querySelectorAll('figure.chart img'));
            var decoded = images.filter(function (i) { return i.complete && i.naturalWidth > 0 && i.naturalHeight > 0; });
            var failed = images.filter(function (i) { return decoded.indexOf(i) < 0; })
              .map(function (i) { return i.closest('figure').getAttribute('data-chart'); });
            var external = performance.getEntriesByType('resource').filter(function (r) { return r.name.indexOf('data:') !== 0; });
            document.body.setAttribute('data-charts', String(images.length));
            document.body.setAttribute('data-charts-decoded', String(decoded.length));
            document.body.setAttribute('data-charts-failed', failed.join(' '));
            document.body.setAttribute('data-external-requests', String(external.length));
            document.body.setAttribute('data-errors', String(errors.length));
            document.body.setAttribute('data-checked', 'true');
          });
        })();
        """;

    private readonly StringBuilder _body = new();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public void Heading(string text) => _body.Append("<h2>").Append(Encode(text)).AppendLine("</h2>");

    public void Paragraph(string text, string? cssClass = null) =>
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Encode(text)).AppendLine("</p>");

    /// <summary>Appends ready HTML (callers encode their text with <see cref="Encode"/>).</summary>
    public void Raw(string html) => _body.AppendLine(html);

    /// <summary>A chart's PNG inline, with its title as alt text and its caption.</summary>
    public void Chart(ChartSpec chart, byte[] png) => _body
        .Append($"<figure class=\"chart\" data-chart=\"{Encode(chart.Id)}\" data-series=\"{chart.Series.Count}\" data-legend=\"{(chart.ShowsLegend ? "true" : "false")}\">")
        .Append($"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{Encode(chart.Title)}\" width=\"{ChartRenderer.Width}\" height=\"{ChartRenderer.Height}\">")
        .Append("<figcaption>").Append(Encode(chart.Caption)).AppendLine("</figcaption></figure>");

    public string Html() => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <style>
        {Style}
        </style>
        <script>
        {Check}
        </script>
        </head>
        <body data-checked="false">
        <h1>{Encode(title)}</h1>
        {_body}
        <pre id="page-errors" hidden></pre>
        </body>
        </html>
        """;
}
