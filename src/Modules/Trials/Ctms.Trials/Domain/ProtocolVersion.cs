using Ctms.Shared.Audit;
using Ctms.Shared.Results;
using Ctms.Trials.Domain.Schedule;

namespace Ctms.Trials.Domain;

internal static class ProtocolVersionStatus
{
    public const string Draft = "draft";

    /// <summary>Submitted for IRB review: frozen from then on.</summary>
    public const string Submitted = "submitted";
}

/// <summary>
/// One version of a trial's protocol (1.0, 2.0 …) with its schedule of assessments, eligibility criteria and
/// informed-consent versions. A draft can be edited; once submitted it is frozen and an amendment copies it.
/// </summary>
internal sealed class ProtocolVersion : IAuditable
{
    private ProtocolVersion() { }

    public ProtocolVersion(Guid id, Guid trialId, int major, DateTimeOffset createdAt, Guid? amendsId = null)
    {
        Id = id;
        TrialId = trialId;
        Major = major;
        CreatedAt = createdAt;
        AmendsId = amendsId;
        Status = ProtocolVersionStatus.Draft;
    }

    public Guid Id { get; private set; }
    public Guid TrialId { get; private set; }
    public int Major { get; private set; }
    public string Number => $"{Major}.0";
    public string Status { get; private set; } = ProtocolVersionStatus.Draft;
    public Guid? AmendsId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public List<string> Procedures { get; private set; } = [];
    public List<VisitDefinition> Visits { get; private set; } = [];
    public List<string> InclusionCriteria { get; private set; } = [];
    public List<string> ExclusionCriteria { get; private set; } = [];
    public List<ConsentVersion> ConsentVersions { get; private set; } = [];
    public int Version { get; private set; }

    public bool IsFrozen => Status == ProtocolVersionStatus.Submitted;
    public bool IsAmendment => AmendsId is not null;

    private Error Frozen() =>
        Error.Rule("protocol-version-frozen", $"Protocol version {Number} was submitted on {SubmittedAt:yyyy-MM-dd} and is frozen; create an amendment to change it.");

    /// <summary>Replaces the schedule after validating it; the errors point at the rows at fault.</summary>
    public IReadOnlyList<Error> ReplaceSchedule(IReadOnlyList<string> procedures, IReadOnlyList<VisitSpec> visits, string dayCounting)
    {
        if (IsFrozen)
        {
            return [Frozen()];
        }

        var errors = ScheduleRules.Validate(procedures, visits, dayCounting);
        if (errors.Count > 0)
        {
            return errors;
        }

        Procedures = procedures.Select(p => p.Trim()).ToList();
        Visits.Clear();
        var order = 0;
        foreach (var v in visits)
        {
            Visits.Add(new VisitDefinition(Guid.NewGuid(), Id, ++order, v));
        }

        Version++;
        return [];
    }

    public Error? ReplaceCriteria(IReadOnlyList<string> inclusion, IReadOnlyList<string> exclusion)
    {
        if (IsFrozen)
        {
            return Frozen();
        }

        InclusionCriteria = inclusion.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        ExclusionCriteria = exclusion.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        Version++;
        return null;
    }

    public Result<ConsentVersion> AddConsentVersion(string documentName, string version, string language, string? fileName, string? documentKey)
    {
        if (IsFrozen)
        {
            return Frozen();
        }

        if (ConsentVersions.Any(c => c.DocumentName == documentName && c.Version == version && c.Language == language))
        {
            return Error.Rule("duplicate-consent-version", $"{documentName} {version} ({language}) is already part of protocol version {Number}.");
        }

        var consent = new ConsentVersion(Guid.NewGuid(), Id, documentName, version, language, fileName, documentKey);
        ConsentVersions.Add(consent);
        Version++;
        return consent;
    }

    public Error? RemoveConsentVersion(Guid consentVersionId)
    {
        if (IsFrozen)
        {
            return Frozen();
        }

        var consent = ConsentVersions.SingleOrDefault(c => c.Id == consentVersionId);
        if (consent is null)
        {
            return Error.NotFound("The consent version");
        }

        ConsentVersions.Remove(consent);
        Version++;
        return null;
    }

    public Error? Submit(DateTimeOffset at)
    {
        if (IsFrozen)
        {
            return Frozen();
        }

        var missing = new List<string>();
        if (Visits.Count == 0)
        {
            missing.Add("a schedule of assessments");
        }

        if (InclusionCriteria.Count == 0)
        {
            missing.Add("inclusion criteria");
        }

        if (ConsentVersions.Count == 0)
        {
            missing.Add("an informed-consent version");
        }

        if (missing.Count > 0)
        {
            return Error.Rule("protocol-version-incomplete", $"Protocol version {Number} cannot be submitted without {string.Join(", ", missing)}.");
        }

        Status = ProtocolVersionStatus.Submitted;
        SubmittedAt = at;
        Version++;
        return null;
    }

    /// <summary>The next version as an editable copy of this one (schedule, criteria and consent versions).</summary>
    public ProtocolVersion Amend(int nextMajor, DateTimeOffset at)
    {
        var next = new ProtocolVersion(Guid.NewGuid(), TrialId, nextMajor, at, Id)
        {
            Procedures = [.. Procedures],
            InclusionCriteria = [.. InclusionCriteria],
            ExclusionCriteria = [.. ExclusionCriteria],
        };
        foreach (var visit in Visits.OrderBy(v => v.Order))
        {
            next.Visits.Add(new VisitDefinition(Guid.NewGuid(), next.Id, visit.Order, visit.ToSpec()));
        }

        foreach (var consent in ConsentVersions)
        {
            next.ConsentVersions.Add(new ConsentVersion(Guid.NewGuid(), next.Id, consent.DocumentName, consent.Version, consent.Language, consent.FileName, consent.DocumentKey));
        }

        return next;
    }

    public IReadOnlyList<VisitSpec> Schedule() => Visits.OrderBy(v => v.Order).Select(v => v.ToSpec()).ToList();
}

internal sealed class VisitDefinition : IAuditable
{
    private VisitDefinition() { }

    public VisitDefinition(Guid id, Guid protocolVersionId, int order, VisitSpec spec)
    {
        Id = id;
        ProtocolVersionId = protocolVersionId;
        Order = order;
        Name = spec.Name.Trim();
        Type = spec.Type;
        Anchor = spec.Anchor;
        AnchorVisit = spec.Anchor == VisitAnchor.Visit ? spec.AnchorVisit?.Trim() : null;
        TargetDay = spec.TargetDay;
        WindowBefore = spec.WindowBefore;
        WindowAfter = spec.WindowAfter;
        Procedures = spec.Procedures.Select(p => p.Trim()).ToList();
    }

    public Guid Id { get; private set; }
    public Guid ProtocolVersionId { get; private set; }
    public int Order { get; private set; }
    public string Name { get; private set; } = "";
    public string Type { get; private set; } = VisitType.Scheduled;
    public string Anchor { get; private set; } = VisitAnchor.Baseline;
    public string? AnchorVisit { get; private set; }
    public int TargetDay { get; private set; }
    public int WindowBefore { get; private set; }
    public int WindowAfter { get; private set; }
    public List<string> Procedures { get; private set; } = [];

    public VisitSpec ToSpec() => new(Name, Type, Anchor, AnchorVisit, TargetDay, WindowBefore, WindowAfter, [.. Procedures]);
}

/// <summary>An informed-consent document version carried by a protocol version, with an optional stored file.</summary>
internal sealed class ConsentVersion : IAuditable
{
    private ConsentVersion() { }

    public ConsentVersion(Guid id, Guid protocolVersionId, string documentName, string version, string language, string? fileName, string? documentKey)
    {
        Id = id;
        ProtocolVersionId = protocolVersionId;
        DocumentName = documentName;
        Version = version;
        Language = language;
        FileName = fileName;
        DocumentKey = documentKey;
    }

    public Guid Id { get; private set; }
    public Guid ProtocolVersionId { get; private set; }
    public string DocumentName { get; private set; } = "";
    public string Version { get; private set; } = "";

    /// <summary>BCP 47 language tag, e.g. en, ko.</summary>
    public string Language { get; private set; } = "";

    public string? FileName { get; private set; }

    /// <summary>The key of the file in the document store, when one was attached.</summary>
    public string? DocumentKey { get; private set; }
}
