using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.Exports;

/// <summary>
/// A trial as an HL7 FHIR R4 collection Bundle: the trial's ResearchStudy (status, phase, sponsor, arms, enrollment as a
/// Group with the target), one ResearchStudy per site (<c>partOf</c> the trial's), and one ResearchSubject per subject
/// whose <c>individual</c> is a logical Patient reference by pseudonymous subject number: no direct identifier leaves.
/// Written with System.Text.Json rather than the Firely SDK, which the tests use to parse and validate it.
/// </summary>
internal sealed class FhirBundleExporter(ITrialsQueries trials, ISitesQueries sites, ISubjectsQueries subjects, TimeProvider clock)
{
    public const string SubjectNumberSystem = "urn:ctms:subject-number";
    public const string ProtocolNumberSystem = "urn:ctms:protocol-number";
    public const string SiteCodeSystem = "urn:ctms:site-code";

    /// <summary>The bundle, or null when the trial does not exist. Reports progress 0…1 as subjects are written.</summary>
    public async Task<JsonObject?> ExportAsync(Guid trialId, Action<double>? progress = null, CancellationToken ct = default)
    {
        var trial = await trials.GetAsync(trialId, ct);
        if (trial is null)
        {
            return null;
        }

        var arms = await trials.GetArmsAsync(trialId, ct);
        var siteList = await sites.ListForTrialAsync(trialId, ct);
        var subjectList = await subjects.ListForTrialAsync(trialId, ct);
        var entries = new JsonArray();
        var studyUrl = Urn(trial.Id);
        var groupId = DeterministicId(trial.Id, "enrollment");

        entries.Add(Entry(studyUrl, TrialStudy(trial, arms, groupId)));
        entries.Add(Entry(Urn(groupId), EnrollmentGroup(groupId, trial)));
        foreach (var site in siteList)
        {
            entries.Add(Entry(Urn(site.Id), SiteStudy(site, trial, studyUrl)));
        }

        for (var i = 0; i < subjectList.Count; i++)
        {
            entries.Add(Entry(Urn(subjectList[i].Id), Subject(subjectList[i], studyUrl)));
            if (i % 500 == 0)
            {
                progress?.Invoke((double)i / subjectList.Count);
            }
        }

        progress?.Invoke(1);
        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["id"] = Guid.NewGuid().ToString(),
            ["type"] = "collection",
            ["timestamp"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["entry"] = entries,
        };
    }

    /// <summary>Trial status is already a FHIR ResearchStudy code; an unknown value must not break the required binding.</summary>
    private static readonly HashSet<string> StudyStatuses =
    [
        "active", "administratively-completed", "approved", "closed-to-accrual", "closed-to-accrual-and-intervention", "completed", "disapproved",
        "in-review", "temporarily-closed-to-accrual", "temporarily-closed-to-accrual-and-intervention", "withdrawn",
    ];

    private static readonly HashSet<string> SubjectStatuses =
    [
        "candidate", "eligible", "follow-up", "ineligible", "not-registered", "off-study", "on-study", "on-study-intervention",
        "on-study-observation", "pending-on-study", "potential-candidate", "screening", "withdrawn",
    ];

    private static JsonObject TrialStudy(TrialSummary trial, IReadOnlyList<TrialArmDto> arms, Guid groupId)
    {
        var identifiers = new JsonArray { Identifier(ProtocolNumberSystem, trial.ProtocolNumber) };
        if (!string.IsNullOrWhiteSpace(trial.RegistryId))
        {
            identifiers.Add(Identifier(trial.RegistryId.StartsWith("NCT", StringComparison.Ordinal) ? "https://clinicaltrials.gov" : "https://cris.nih.go.kr",
                trial.RegistryId));
        }

        var study = new JsonObject
        {
            ["resourceType"] = "ResearchStudy",
            ["id"] = trial.Id.ToString(),
            ["identifier"] = identifiers,
            ["title"] = trial.Title,
            ["status"] = StudyStatuses.Contains(trial.Status) ? trial.Status : "in-review",
            ["phase"] = new JsonObject
            {
                ["coding"] = new JsonArray { new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/research-study-phase", ["code"] = trial.Phase } },
            },
            ["enrollment"] = new JsonArray { new JsonObject { ["reference"] = Urn(groupId), ["display"] = $"Target enrollment {trial.TargetEnrollment}" } },
            ["sponsor"] = new JsonObject { ["display"] = trial.TenantId },
        };
        if (!string.IsNullOrWhiteSpace(trial.TherapeuticArea))
        {
            study["condition"] = new JsonArray { new JsonObject { ["text"] = trial.TherapeuticArea } };
        }

        if (arms.Count > 0)
        {
            study["arm"] = new JsonArray(arms.Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a.Name,
                ["type"] = new JsonObject { ["text"] = a.Type },
            }).ToArray());
        }

        return study;
    }

    /// <summary>ResearchStudy.enrollment is a Group: the planned (not actual) cohort of the target size.</summary>
    private static JsonObject EnrollmentGroup(Guid id, TrialSummary trial) => new()
    {
        ["resourceType"] = "Group",
        ["id"] = id.ToString(),
        ["type"] = "person",
        ["actual"] = false,
        ["name"] = $"{trial.ProtocolNumber} planned enrollment",
        ["quantity"] = trial.TargetEnrollment,
    };

    private static JsonObject SiteStudy(SiteSummary site, TrialSummary trial, string studyUrl) => new()
    {
        ["resourceType"] = "ResearchStudy",
        ["id"] = site.Id.ToString(),
        ["identifier"] = new JsonArray { Identifier(SiteCodeSystem, site.Code) },
        ["title"] = $"{trial.ProtocolNumber} at {site.InstitutionName} ({site.Code})",
        ["status"] = SiteStatus(site.Status),
        ["partOf"] = new JsonArray { new JsonObject { ["reference"] = studyUrl } },
        ["principalInvestigator"] = new JsonObject { ["display"] = site.PrincipalInvestigator },
        ["site"] = new JsonArray { new JsonObject { ["display"] = site.InstitutionName } },
    };

    /// <summary>Site statuses in ResearchStudy terms (a pending site is approved but not recruiting yet).</summary>
    public static string SiteStatus(string status) => status switch
    {
        "active" => "active",
        "on-hold" => "temporarily-closed-to-accrual",
        "closed-to-accrual" => "closed-to-accrual",
        "closed" => "completed",
        _ => "approved",
    };

    private static JsonObject Subject(SubjectSummary s, string studyUrl)
    {
        var subject = new JsonObject
        {
            ["resourceType"] = "ResearchSubject",
            ["id"] = s.Id.ToString(),
            ["identifier"] = new JsonArray { Identifier(SubjectNumberSystem, s.SubjectNumber) },
            ["status"] = SubjectStatuses.Contains(s.Status) ? s.Status : "candidate",
            ["study"] = new JsonObject { ["reference"] = studyUrl },
            // A logical reference: the pseudonymous number identifies the person to the site, and to nobody else.
            ["individual"] = new JsonObject { ["type"] = "Patient", ["identifier"] = Identifier(SubjectNumberSystem, s.SubjectNumber) },
        };
        if (s.EnrolledAt is { } enrolled)
        {
            subject["period"] = new JsonObject { ["start"] = enrolled.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") };
        }

        if (!string.IsNullOrEmpty(s.ArmName))
        {
            subject["assignedArm"] = s.ArmName;
        }

        return subject;
    }

    private static JsonObject Identifier(string system, string value) => new() { ["system"] = system, ["value"] = value };

    private static JsonObject Entry(string fullUrl, JsonObject resource) => new() { ["fullUrl"] = fullUrl, ["resource"] = resource };

    private static string Urn(Guid id) => $"urn:uuid:{id}";

    /// <summary>A stable id derived from the trial, so two exports of one trial name its enrollment group alike.</summary>
    private static Guid DeterministicId(Guid trialId, string what)
    {
        var bytes = trialId.ToByteArray();
        var salt = System.Text.Encoding.UTF8.GetBytes(what);
        for (var i = 0; i < salt.Length; i++)
        {
            bytes[i % 16] ^= salt[i];
        }

        return new Guid(bytes);
    }

    public static string Serialize(JsonObject bundle) => bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
