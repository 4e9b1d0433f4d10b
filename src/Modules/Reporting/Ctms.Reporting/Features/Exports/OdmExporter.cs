using System.Globalization;
using System.Text;
using System.Xml;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.Exports;

/// <summary>
/// A trial as a CDISC ODM 1.3.2 snapshot: Study (GlobalVariables, MetaDataVersion with the current protocol version's
/// scheduled visits as StudyEventDefs), AdminData (a User per site PI plus the exporting system, a Location per site),
/// ClinicalData with a SubjectData per subject (SubjectKey = pseudonymous number, SiteRef) and a StudyEventData per
/// occurred visit carrying an AuditRecord. Elements are written in the order the ODM 1.3.2 schema prescribes.
/// </summary>
internal sealed class OdmExporter(ITrialsQueries trials, ISitesQueries sites, ISubjectsQueries subjects, TimeProvider clock)
{
    public const string Namespace = "http://www.cdisc.org/ns/odm/v1.3";
    public const string SystemUserOid = "USR.CTMS";

    public async Task<byte[]?> ExportAsync(Guid trialId, Action<double>? progress = null, CancellationToken ct = default)
    {
        var trial = await trials.GetAsync(trialId, ct);
        if (trial is null)
        {
            return null;
        }

        var version = await trials.GetCurrentProtocolVersionAsync(trialId, ct);
        var schedule = version is null ? null : await trials.GetScheduleAsync(version.Id, ct);
        var siteList = await sites.ListForTrialAsync(trialId, ct);
        var subjectList = await subjects.ListForTrialAsync(trialId, ct);
        var visits = (await subjects.ListVisitsForTrialAsync(trialId, ct)).ToLookup(v => v.SubjectId);
        var now = clock.GetUtcNow();

        var studyOid = $"ST.{Oid(trial.ProtocolNumber)}";
        var mdvOid = version is null ? "MDV.NONE" : $"MDV.{Oid(version.Version)}";
        var eventOids = (schedule?.Visits ?? []).OrderBy(v => v.Order).DistinctBy(v => v.Name).ToDictionary(v => v.Name, v => $"SE.{v.Order}.{Oid(v.Name)}");

        var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), Async = true };
        await using (var xml = XmlWriter.Create(buffer, settings))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("ODM", Namespace);
            xml.WriteAttributeString("FileOID", $"CTMS.{trial.Id:N}.{now:yyyyMMddHHmmss}");
            xml.WriteAttributeString("FileType", "Snapshot");
            xml.WriteAttributeString("Granularity", "All");
            xml.WriteAttributeString("CreationDateTime", Stamp(now));
            xml.WriteAttributeString("ODMVersion", "1.3.2");
            xml.WriteAttributeString("Originator", "Ctms");

            xml.WriteStartElement("Study", Namespace);
            xml.WriteAttributeString("OID", studyOid);
            xml.WriteStartElement("GlobalVariables", Namespace);
            xml.WriteElementString("StudyName", Namespace, trial.ProtocolNumber);
            xml.WriteElementString("StudyDescription", Namespace, trial.Title);
            xml.WriteElementString("ProtocolName", Namespace, trial.ProtocolNumber);
            xml.WriteEndElement();
            xml.WriteStartElement("MetaDataVersion", Namespace);
            xml.WriteAttributeString("OID", mdvOid);
            xml.WriteAttributeString("Name", version is null ? "No submitted protocol version" : $"Protocol {version.Version}");
            if (schedule is not null && schedule.Visits.Count > 0)
            {
                xml.WriteStartElement("Protocol", Namespace);
                foreach (var visit in schedule.Visits.OrderBy(v => v.Order).DistinctBy(v => v.Name))
                {
                    xml.WriteStartElement("StudyEventRef", Namespace);
                    xml.WriteAttributeString("StudyEventOID", eventOids[visit.Name]);
                    xml.WriteAttributeString("OrderNumber", visit.Order.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("Mandatory", visit.Type == "scheduled" ? "Yes" : "No");
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                foreach (var visit in schedule.Visits.OrderBy(v => v.Order).DistinctBy(v => v.Name))
                {
                    xml.WriteStartElement("StudyEventDef", Namespace);
                    xml.WriteAttributeString("OID", eventOids[visit.Name]);
                    xml.WriteAttributeString("Name", visit.Name);
                    xml.WriteAttributeString("Repeating", "No");
                    xml.WriteAttributeString("Type", visit.Type switch { "unscheduled" => "Unscheduled", "common" => "Common", _ => "Scheduled" });
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement(); // MetaDataVersion
            xml.WriteEndElement(); // Study

            xml.WriteStartElement("AdminData", Namespace);
            xml.WriteAttributeString("StudyOID", studyOid);
            WriteUser(xml, SystemUserOid, "Ctms export (the recording person is not part of the reporting data)");
            foreach (var site in siteList)
            {
                WriteUser(xml, PiOid(site), site.PrincipalInvestigator);
            }

            foreach (var site in siteList)
            {
                xml.WriteStartElement("Location", Namespace);
                xml.WriteAttributeString("OID", LocationOid(site));
                xml.WriteAttributeString("Name", $"{site.InstitutionName} ({site.Code})");
                xml.WriteAttributeString("LocationType", "Site");
                xml.WriteStartElement("MetaDataVersionRef", Namespace);
                xml.WriteAttributeString("StudyOID", studyOid);
                xml.WriteAttributeString("MetaDataVersionOID", mdvOid);
                xml.WriteAttributeString("EffectiveDate", (version?.SubmittedAt ?? now).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement(); // AdminData

            var siteById = siteList.ToDictionary(s => s.Id);
            xml.WriteStartElement("ClinicalData", Namespace);
            xml.WriteAttributeString("StudyOID", studyOid);
            xml.WriteAttributeString("MetaDataVersionOID", mdvOid);
            for (var i = 0; i < subjectList.Count; i++)
            {
                var subject = subjectList[i];
                if (!siteById.TryGetValue(subject.SiteId, out var site))
                {
                    continue;
                }

                xml.WriteStartElement("SubjectData", Namespace);
                xml.WriteAttributeString("SubjectKey", subject.SubjectNumber);
                xml.WriteStartElement("SiteRef", Namespace);
                xml.WriteAttributeString("LocationOID", LocationOid(site));
                xml.WriteEndElement();
                foreach (var visit in visits[subject.Id].Where(v => v.Status == "occurred" && v.ActualDate is not null && eventOids.ContainsKey(v.VisitName))
                             .OrderBy(v => v.Order))
                {
                    xml.WriteStartElement("StudyEventData", Namespace);
                    xml.WriteAttributeString("StudyEventOID", eventOids[visit.VisitName]);
                    xml.WriteStartElement("AuditRecord", Namespace);
                    xml.WriteStartElement("UserRef", Namespace);
                    xml.WriteAttributeString("UserOID", SystemUserOid);
                    xml.WriteEndElement();
                    xml.WriteStartElement("LocationRef", Namespace);
                    xml.WriteAttributeString("LocationOID", LocationOid(site));
                    xml.WriteEndElement();
                    xml.WriteElementString("DateTimeStamp", Namespace, visit.ActualDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z");
                    if (visit.OutOfWindow)
                    {
                        xml.WriteElementString("ReasonForChange", Namespace, "Visit occurred outside its window (a protocol deviation was recorded).");
                    }

                    xml.WriteElementString("SourceID", Namespace, $"ctms:visit:{visit.Id}");
                    xml.WriteEndElement(); // AuditRecord
                    xml.WriteEndElement(); // StudyEventData
                }

                xml.WriteEndElement(); // SubjectData
                if (i % 200 == 0)
                {
                    progress?.Invoke((double)i / subjectList.Count);
                }
            }

            xml.WriteEndElement(); // ClinicalData
            xml.WriteEndElement(); // ODM
            await xml.WriteEndDocumentAsync();
        }

        progress?.Invoke(1);
        return buffer.ToArray();
    }

    private static void WriteUser(XmlWriter xml, string oid, string fullName)
    {
        xml.WriteStartElement("User", Namespace);
        xml.WriteAttributeString("OID", oid);
        xml.WriteElementString("FullName", Namespace, fullName);
        xml.WriteEndElement();
    }

    private static string PiOid(SiteSummary site) => $"USR.PI.{Oid(site.Code)}";

    private static string LocationOid(SiteSummary site) => $"LOC.{Oid(site.Code)}";

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>OIDs are unique identifiers without spaces; keep letters, digits, '.', '-' and '_'.</summary>
    private static string Oid(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
