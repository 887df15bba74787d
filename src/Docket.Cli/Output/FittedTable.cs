using Spectre.Console;
using Spectre.Console.Rendering;

namespace Docket.Cli.Output;

/// <summary>
/// Writes a table so that no number or word is split across lines and no header is cut. A table that fits at its
/// natural width is written as it is. One that fits only when its cells wrap gets column widths of its own: each
/// column at least its longest word (a right-aligned column of figures: its longest cell, so a figure is never wrapped), the room left shared out by how much wider each column would like to be (so
/// cells wrap at spaces, never inside a word). One that does not fit even so is stacked: one block a row, its
/// first cell labelling a "header | value" line for every other column.
/// </summary>
internal static class FittedTable
{
    public static void Write(IAnsiConsole console, Table table)
    {
        var width = console.Profile.Width;
        console.Write(Fits(console, table, width) ? Fitted(console, table, width) : Fitted(console, Stacked(table), width));
    }

    /// <summary>Whether every column of the table fits in <paramref name="width"/> columns at its longest word.</summary>
    public static bool Fits(IAnsiConsole console, Table table, int width) => Measure(console, table).Sum(c => c.Min) + Chrome(table) <= width;

    /// <summary>The table as label/value blocks: column 1 labels a block of the other columns' header and cell, a line each.</summary>
    public static Table Stacked(Table table)
    {
        var columns = table.Columns;
        var stacked = new Table().AddColumn(new TableColumn(columns[0].Header))
            .AddColumn(new TableColumn(new Text(""))).AddColumn(new TableColumn(new Text("")).RightAligned());
        if (table.Title is { } title)
        {
            stacked.Title(title);
        }
        var first = true;
        foreach (var row in table.Rows)
        {
            var cells = row.ToList();
            if (!first)
            {
                stacked.AddEmptyRow();
            }
            first = false;
            for (var i = 1; i < columns.Count && i < cells.Count; i++)
            {
                stacked.AddRow(i == 1 ? cells[0] : new Text(""), columns[i].Header, cells[i]);
            }
        }
        return stacked;
    }

    /// <summary>The table with column widths that keep every word whole when it is wider than <paramref name="width"/>.</summary>
    private static Table Fitted(IAnsiConsole console, Table table, int width)
    {
        var measures = Measure(console, table);
        var room = width - Chrome(table);
        if (measures.Sum(c => c.Max) <= room || measures.Sum(c => c.Min) > room)
        {
            return table; // fits as it is, or cannot be helped
        }
        var widths = measures.Select(c => c.Min).ToArray();
        var spare = room - widths.Sum();
        var wants = measures.Select(c => c.Max - c.Min).ToArray();
        var wanted = wants.Sum();
        for (var i = 0; i < widths.Length; i++)
        {
            var share = (int)Math.Floor(spare * (double)wants[i] / wanted);
            widths[i] += share;
        }
        // What the rounding left goes to the columns still short of their natural width, left to right.
        var left = room - widths.Sum();
        for (var i = 0; i < widths.Length && left > 0; i++)
        {
            var add = Math.Min(left, measures[i].Max - widths[i]);
            widths[i] += add;
            left -= add;
        }
        for (var i = 0; i < widths.Length; i++)
        {
            table.Columns[i].Width = widths[i];
            if (table.Columns[i].Alignment == Justify.Right)
            {
                table.Columns[i].Header = Rewrapped(console, table.Columns[i].Header, widths[i]);
            }
        }
        return table;
    }

    /// <summary>
    /// A right-aligned header too wide for its column, broken between its words by us: Spectre's own wrapping keeps
    /// the space before the break, so a wrapped right-aligned header stood one column left of the lines under it.
    /// </summary>
    private static IRenderable Rewrapped(IAnsiConsole console, IRenderable header, int width)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var text = string.Concat(header.Render(options, int.MaxValue).Select(s => s.IsLineBreak ? "\n" : s.Text));
        if (text.Length <= width || text.Contains('\n'))
        {
            return header;
        }
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }
        lines.Add(line);
        return new Text(string.Join('\n', lines)) { Justification = Justify.Right };
    }

    /// <summary>Each column's narrowest width (its longest word, header included; a figure's whole cell) and natural width (its longest cell).</summary>
    private static List<Measurement> Measure(IAnsiConsole console, Table table)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var rows = table.Rows.Select(r => r.ToList()).ToList();
        return [.. table.Columns.Select((column, i) =>
        {
            var header = column.Header.Measure(options, int.MaxValue);
            var cells = rows.Where(r => i < r.Count).Select(r => r[i].Measure(options, int.MaxValue)).Append(new Measurement(0, 0)).ToList();
            // A right-aligned column holds figures ("5,464.2", "91.5 % ± 0.2 pp"): its cells are never wrapped.
            var min = column.Alignment == Justify.Right ? cells.Max(m => m.Max) : cells.Max(m => m.Min);
            return new Measurement(Math.Max(header.Min, min), Math.Max(header.Max, cells.Max(m => m.Max)));
        })];
    }

    /// <summary>Borders and padding: a column's padding on both sides and its left border, and the right border.</summary>
    private static int Chrome(Table table) => table.Columns.Sum(c => c.Padding?.GetWidth() ?? 2) + table.Columns.Count + 1;
}
