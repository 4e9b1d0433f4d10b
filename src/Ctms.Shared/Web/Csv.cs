using System.Globalization;
using System.Text;

namespace Ctms.Shared.Web;

/// <summary>
/// RFC 4180 CSV for table exports. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
/// apostrophe: exported data comes from users and must not execute when opened (CSV injection).
/// </summary>
public static class Csv
{
    public static string Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, header);
        foreach (var row in rows)
        {
            AppendLine(text, row.Select(Format).ToList());
        }

        return text.ToString();
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A data: URI that a link with a download attribute saves as a file, no script needed.</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString("\uFEFF" + csv);

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Escape(cells[i]));
        }

        text.Append("\r\n");
    }

    private static string Escape(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
