using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Ctms.Shared.Audit;

/// <summary>Audit trail exports: CSV for people, CDISC ODM 1.3.2 AuditRecord XML for systems.</summary>
public static class AuditExport
{
    public const string OdmNamespace = "http://www.cdisc.org/ns/odm/v1.3";

    /// <summary>Vendor extension carrying what ODM's AuditRecord has no element for (entity, field, old and new value).</summary>
    public const string CtmsNamespace = "urn:ctms:audit:v1";

    /// <summary>The LocationOID of entries that concern no site (central data).</summary>
    public const string CentralLocation = "CTMS";

    private static readonly string[] Columns =
        ["Module", "Sequence", "AtUtc", "UserId", "UserName", "EntityType", "EntityId", "Action", "Field", "OldValue", "NewValue", "Reason", "Location", "Hash"];

    public static string ToCsv(IEnumerable<AuditRecord> records)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Columns));
        foreach (var r in records)
        {
            csv.AppendLine(string.Join(',', new[]
            {
                r.Module, r.Sequence.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
                r.UserId, r.UserName, r.EntityType, r.EntityId, r.Action, r.Field, r.OldValue, r.NewValue, r.Reason, r.Location, r.Hash,
            }.Select(Quote)));
        }

        return csv.ToString();
    }

    /// <summary>An ODM 1.3.2 snapshot whose ClinicalData holds one AuditRecord per entry.</summary>
    public static string ToOdmXml(IEnumerable<AuditRecord> records, DateTimeOffset createdAt, string studyOid = "CTMS", string metaDataVersionOid = "CTMS.AUDIT")
    {
        XNamespace odm = OdmNamespace;
        XNamespace ctms = CtmsNamespace;
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(odm + "ODM",
                new XAttribute(XNamespace.Xmlns + "ctms", CtmsNamespace),
                new XAttribute("ODMVersion", "1.3.2"),
                new XAttribute("FileType", "Snapshot"),
                new XAttribute("FileOID", $"CTMS.AUDIT.{createdAt.UtcTicks}"),
                new XAttribute("CreationDateTime", OdmTime(createdAt)),
                new XAttribute("Originator", "Ctms"),
                new XElement(odm + "ClinicalData",
                    new XAttribute("StudyOID", studyOid),
                    new XAttribute("MetaDataVersionOID", metaDataVersionOid),
                    new XElement(odm + "AuditRecords",
                        records.Select(r => new XElement(odm + "AuditRecord",
                            new XAttribute("ID", $"AR.{r.Module}.{r.Sequence}"),
                            new XAttribute("EditPoint", "DBAudit"),
                            new XElement(odm + "UserRef", new XAttribute("UserOID", r.UserId)),
                            new XElement(odm + "LocationRef", new XAttribute("LocationOID", r.Location ?? CentralLocation)),
                            new XElement(odm + "DateTimeStamp", OdmTime(r.At)),
                            r.Reason is null ? null : new XElement(odm + "ReasonForChange", r.Reason),
                            new XElement(odm + "SourceID", $"{r.Module}#{r.Sequence}"),
                            new XElement(ctms + "Change",
                                new XAttribute("Module", r.Module),
                                new XAttribute("EntityType", r.EntityType),
                                new XAttribute("EntityId", r.EntityId),
                                new XAttribute("Action", r.Action),
                                new XAttribute("UserName", r.UserName),
                                r.Field is null ? null : new XAttribute("Field", r.Field),
                                r.OldValue is null ? null : new XAttribute("OldValue", r.OldValue),
                                r.NewValue is null ? null : new XAttribute("NewValue", r.NewValue),
                                new XAttribute("Hash", r.Hash))))))));

        var output = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            document.Save(writer);
        }

        return output.ToString();
    }

    private static string OdmTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", CultureInfo.InvariantCulture);

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "";
        }

        // Leading formula characters are neutralised so a spreadsheet never evaluates audit content.
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(CultureInfo.InvariantCulture) { }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
