using System.Security.Cryptography;

namespace Ctms.SiteAgent;

/// <summary>
/// The CSV drop folder: <c>visits*.csv</c> (subjectNumber,visitName,occurredOn,outOfWindowReason) and
/// <c>deviations*.csv</c> (subjectNumber,category,severity,description,occurredOn,identifiedOn), a header row first,
/// fields separated by commas (a field with a comma in double quotes). A file is enqueued in one transaction, remembered
/// by its SHA-256, then moved to <c>done/</c>; a file with a bad row is moved to <c>failed/</c> with a <c>.error</c> note.
/// </summary>
internal static class CsvImport
{
    public static void ImportFolder(LocalStore store, AgentSettings settings, string folder, TextWriter log)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var bytes = File.ReadAllBytes(file);
                var messages = Parse(name, System.Text.Encoding.UTF8.GetString(bytes));
                var ids = store.Enqueue(settings.SiteCode, settings.EnteredBy, messages, Convert.ToHexString(SHA256.HashData(bytes)), name);
                Move(file, Path.Combine(folder, "done"));
                log.WriteLine($"{DateTime.UtcNow:O} imported {name}: {ids.Count} message(s) enqueued");
            }
            catch (FormatException ex)
            {
                var failed = Path.Combine(folder, "failed");
                Move(file, failed);
                File.WriteAllText(Path.Combine(failed, name + ".error"), ex.Message);
                log.WriteLine($"{DateTime.UtcNow:O} {name} not imported: {ex.Message}");
            }
        }
    }

    public static IReadOnlyList<LocalStore.Pending> Parse(string fileName, string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var header = Split(lines[0]);
        var rows = lines.Skip(1).Select((line, i) => (Number: i + 2, Fields: Split(line))).ToList();
        foreach (var (number, fields) in rows.Where(r => r.Fields.Count != header.Count))
        {
            throw new FormatException($"{fileName} line {number}: {fields.Count} fields, the header has {header.Count}.");
        }

        string Field(IReadOnlyList<string> fields, string column) =>
            header.IndexOf(column) is var i and >= 0 ? fields[i] : throw new FormatException($"{fileName}: column '{column}' is missing.");

        if (fileName.StartsWith("visits", StringComparison.OrdinalIgnoreCase))
        {
            return rows.Select(r => new LocalStore.Pending("VisitOccurred", Field(r.Fields, "subjectNumber"), new
            {
                visitName = Field(r.Fields, "visitName"),
                occurredOn = Field(r.Fields, "occurredOn"),
                outOfWindowReason = header.Contains("outOfWindowReason") && Field(r.Fields, "outOfWindowReason").Length > 0 ? Field(r.Fields, "outOfWindowReason") : null,
            })).ToList();
        }

        if (fileName.StartsWith("deviations", StringComparison.OrdinalIgnoreCase))
        {
            return rows.Select(r => new LocalStore.Pending("DeviationReported",
                Field(r.Fields, "subjectNumber") is { Length: > 0 } subject ? subject : null, new
                {
                    category = Field(r.Fields, "category"),
                    severity = Field(r.Fields, "severity"),
                    description = Field(r.Fields, "description"),
                    occurredOn = Field(r.Fields, "occurredOn"),
                    identifiedOn = Field(r.Fields, "identifiedOn"),
                })).ToList();
        }

        throw new FormatException($"{fileName}: the name must start with 'visits' or 'deviations'.");
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static void Move(string file, string folder)
    {
        Directory.CreateDirectory(folder);
        File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
    }
}
