using System.Xml.Linq;
using Ctms.Reporting.Features.Exports;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Ctms.UnitTests.Reporting;

/// <summary>The FHIR R4 bundle parsed and validated with the Firely SDK; the ODM 1.3.2 document checked against the schema's structure.</summary>
[Trait("Category", "Reporting")]
public sealed class ExportTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly OwnerModulesDouble _owners = new();
    private readonly TrialStory _story = new();
    private readonly Guid _protocol = Guid.NewGuid();

    public ExportTests()
    {
        var s = _story;
        var day0 = new DateOnly(2026, 10, 1);
        _owners.Trials.Add(new TrialSummary(s.Trial, "acme", "STORY-1", "Story trial", "phase-3", "active", 20, false) { RegistryId = "NCT01234567", TherapeuticArea = "Diabetes" });
        _owners.Arms.Add(new TrialArmDto(s.Arm1, "Drug", "experimental", 1));
        _owners.Arms.Add(new TrialArmDto(Guid.NewGuid(), "Placebo", "placebo-comparator", 1));
        _owners.Versions.Add(new ProtocolVersionSummary(_protocol, s.Trial, "1.0", "submitted", new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero)));
        _owners.Schedule = new ScheduleDto(_protocol, s.Trial, "1.0", "day-1", [],
        [
            new VisitDefinitionDto(Guid.NewGuid(), 1, "Baseline", "scheduled", "baseline", null, 1, 0, 0, []),
            new VisitDefinitionDto(Guid.NewGuid(), 2, "Week 2", "scheduled", "baseline", null, 15, 2, 2, []),
            new VisitDefinitionDto(Guid.NewGuid(), 3, "Week 4", "scheduled", "baseline", null, 29, 2, 2, []),
        ]);
        _owners.Sites.Add(new SiteSummary(s.SiteA, s.Trial, s.InstitutionA, "Hospital A", "A01", "Dr A", "active", 10));
        _owners.Sites.Add(new SiteSummary(s.SiteB, s.Trial, Guid.NewGuid(), "Hospital B & Co", "B01", "Dr B", "on-hold", 10));
        _owners.Subjects.Add(new SubjectSummary(s.S1, s.Trial, s.SiteA, "A01-001", "on-study", new DateTimeOffset(2026, 10, 2, 10, 0, 0, TimeSpan.Zero)) { ArmId = s.Arm1, ArmName = "Drug" });
        _owners.Subjects.Add(new SubjectSummary(s.S2, s.Trial, s.SiteA, "A01-002", "ineligible", null));
        _owners.Subjects.Add(new SubjectSummary(s.S3, s.Trial, s.SiteB, "B01-001", "withdrawn", new DateTimeOffset(2026, 10, 4, 10, 0, 0, TimeSpan.Zero)));
        _owners.Visits.Add(new VisitSummary(s.VisitBaseline, s.S1, "A01-001", s.SiteA, "Baseline", 1, "occurred", day0.AddDays(2), day0.AddDays(2), day0.AddDays(2), day0.AddDays(2), false));
        _owners.Visits.Add(new VisitSummary(s.VisitWeek2, s.S1, "A01-001", s.SiteA, "Week 2", 2, "occurred", day0.AddDays(16), day0.AddDays(14), day0.AddDays(18), day0.AddDays(20), true));
        _owners.Visits.Add(new VisitSummary(s.VisitWeek4, s.S1, "A01-001", s.SiteA, "Week 4", 3, "planned", day0.AddDays(30), day0.AddDays(28), day0.AddDays(32), null, false));
    }

    [Fact]
    public async Task The_FHIR_bundle_parses_with_the_Firely_SDK_and_its_resources_validate()
    {
        var progress = new List<double>();
        var json = FhirBundleExporter.Serialize((await new FhirBundleExporter(_owners, _owners, _owners, Clock).ExportAsync(_story.Trial, progress.Add))!);

        // Strict: an unknown element, a wrong type, a broken cardinality or a code outside a required binding throws.
        var bundle = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Strict)).Deserialize<Bundle>(json);
        var issues = bundle.Validate(ModelInfo.ModelInspector);
        Assert.Empty(issues);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Equal(1.0, progress[^1]);

        var studies = bundle.Entry.Select(e => e.Resource).OfType<ResearchStudy>().ToList();
        var trial = studies.Single(s => s.PartOf.Count == 0);
        Assert.Equal(ResearchStudy.ResearchStudyStatus.Active, trial.Status);
        Assert.Equal("phase-3", trial.Phase!.Coding.Single().Code);
        Assert.Equal(["Drug", "Placebo"], trial.Arm.Select(a => a.Name));
        Assert.Equal("acme", trial.Sponsor!.Display);
        var group = Assert.IsType<Group>(bundle.Entry.Single(e => e.FullUrl == trial.Enrollment.Single().Reference).Resource);
        Assert.Equal(20, group.Quantity);

        var trialUrl = bundle.Entry.Single(e => e.Resource == trial).FullUrl;
        var sites = studies.Where(s => s.PartOf.Count > 0).ToList();
        Assert.Equal(2, sites.Count);
        Assert.All(sites, s => Assert.Equal(trialUrl, s.PartOf.Single().Reference));
        Assert.Equal(ResearchStudy.ResearchStudyStatus.TemporarilyClosedToAccrual, sites.Single(s => s.Identifier[0].Value == "B01").Status);

        var subjects = bundle.Entry.Select(e => e.Resource).OfType<ResearchSubject>().ToList();
        Assert.Equal(3, subjects.Count);
        Assert.All(subjects, s =>
        {
            Assert.Equal(trialUrl, s.Study.Reference);
            Assert.Equal("Patient", s.Individual.Type);
            Assert.Null(s.Individual.Reference);
            Assert.Equal(FhirBundleExporter.SubjectNumberSystem, s.Individual.Identifier!.System);
        });
        var first = subjects.Single(s => s.Individual.Identifier!.Value == "A01-001");
        Assert.Equal(ResearchSubject.ResearchSubjectStatus.OnStudy, first.Status);
        Assert.Equal("Drug", first.AssignedArm);
        Assert.Equal(ResearchSubject.ResearchSubjectStatus.Withdrawn, subjects.Single(s => s.Individual.Identifier!.Value == "B01-001").Status);
        Assert.Empty(bundle.Entry.Select(e => e.Resource).OfType<Patient>()); // no person data at all, only the pseudonymous number
        Assert.DoesNotContain("birthDate", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ODM_document_follows_the_1_3_2_structure_and_its_OIDs_resolve()
    {
        var bytes = await new OdmExporter(_owners, _owners, _owners, Clock).ExportAsync(_story.Trial);
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes!));
        XNamespace odm = OdmExporter.Namespace;
        var root = doc.Root!;

        Assert.Equal(odm + "ODM", root.Name);
        foreach (var attribute in new[] { "FileOID", "FileType", "CreationDateTime", "ODMVersion" })
        {
            Assert.False(string.IsNullOrEmpty((string?)root.Attribute(attribute)), attribute);
        }

        Assert.Equal("1.3.2", (string?)root.Attribute("ODMVersion"));
        Assert.Equal(["Study", "AdminData", "ClinicalData"], root.Elements().Select(e => e.Name.LocalName));

        var study = root.Element(odm + "Study")!;
        Assert.Equal(["GlobalVariables", "MetaDataVersion"], study.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["StudyName", "StudyDescription", "ProtocolName"], study.Element(odm + "GlobalVariables")!.Elements().Select(e => e.Name.LocalName));
        var mdv = study.Element(odm + "MetaDataVersion")!;
        Assert.Equal(["Protocol", "StudyEventDef", "StudyEventDef", "StudyEventDef"], mdv.Elements().Select(e => e.Name.LocalName));
        var eventDefs = mdv.Elements(odm + "StudyEventDef").ToList();
        Assert.All(eventDefs, d => Assert.All(new[] { "OID", "Name", "Repeating", "Type" }, a => Assert.NotNull(d.Attribute(a))));
        var eventOids = eventDefs.Select(d => (string)d.Attribute("OID")!).ToHashSet();
        Assert.Equal(eventOids, mdv.Element(odm + "Protocol")!.Elements(odm + "StudyEventRef").Select(r => (string)r.Attribute("StudyEventOID")!).ToHashSet());

        var admin = root.Element(odm + "AdminData")!;
        var names = admin.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(names.LastIndexOf("User") < names.IndexOf("Location"), "Users come before Locations");
        var userOids = admin.Elements(odm + "User").Select(u => (string)u.Attribute("OID")!).ToHashSet();
        var locations = admin.Elements(odm + "Location").ToList();
        Assert.Equal(2, locations.Count);
        Assert.All(locations, l =>
        {
            var mdvRef = Assert.Single(l.Elements(odm + "MetaDataVersionRef"));
            Assert.Equal((string)study.Attribute("OID")!, (string?)mdvRef.Attribute("StudyOID"));
            Assert.Equal((string)mdv.Attribute("OID")!, (string?)mdvRef.Attribute("MetaDataVersionOID"));
            Assert.NotNull(mdvRef.Attribute("EffectiveDate"));
        });
        var locationOids = locations.Select(l => (string)l.Attribute("OID")!).ToHashSet();

        var clinical = root.Element(odm + "ClinicalData")!;
        Assert.Equal((string)study.Attribute("OID")!, (string?)clinical.Attribute("StudyOID"));
        Assert.Equal((string)mdv.Attribute("OID")!, (string?)clinical.Attribute("MetaDataVersionOID"));
        var subjects = clinical.Elements(odm + "SubjectData").ToList();
        Assert.Equal(["A01-001", "A01-002", "B01-001"], subjects.Select(s => (string)s.Attribute("SubjectKey")!));
        Assert.All(subjects, s =>
        {
            Assert.Equal("SiteRef", s.Elements().First().Name.LocalName);
            Assert.Contains((string)s.Element(odm + "SiteRef")!.Attribute("LocationOID")!, locationOids);
        });

        var events = subjects[0].Elements(odm + "StudyEventData").ToList();
        Assert.Equal(2, events.Count); // occurred visits only
        Assert.All(events, e =>
        {
            Assert.Contains((string)e.Attribute("StudyEventOID")!, eventOids);
            var audit = e.Element(odm + "AuditRecord")!;
            var parts = audit.Elements().Select(x => x.Name.LocalName).ToList();
            Assert.Equal(["UserRef", "LocationRef", "DateTimeStamp"], parts.Take(3));
            Assert.Contains((string)audit.Element(odm + "UserRef")!.Attribute("UserOID")!, userOids);
            Assert.Contains((string)audit.Element(odm + "LocationRef")!.Attribute("LocationOID")!, locationOids);
        });
        Assert.NotNull(events[1].Element(odm + "AuditRecord")!.Element(odm + "ReasonForChange"));
    }
}
