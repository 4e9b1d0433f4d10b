using Ctms.Trials.Contracts;
using Ctms.Trials.Domain;
using Ctms.Trials.Domain.Schedule;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Persistence;

internal sealed class TrialsQueries(TrialsDbContext db) : ITrialsQueries
{
    public async Task<TrialSummary?> GetAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().Where(t => t.Id == trialId).ToListAsync(cancellationToken))
            .Select(ToSummary).SingleOrDefault();

    public async Task<IReadOnlyList<TrialSummary>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().Where(t => t.TenantId == tenantId).OrderBy(t => t.ProtocolNumber).ToListAsync(cancellationToken))
            .Select(ToSummary).ToList();

    public async Task<IReadOnlyList<TrialSummary>> ListAsync(IReadOnlyCollection<Guid> trialIds, CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().Where(t => trialIds.Contains(t.Id)).OrderBy(t => t.ProtocolNumber).ToListAsync(cancellationToken))
            .Select(ToSummary).ToList();

    public async Task<IReadOnlyList<TrialSummary>> ListAllAsync(CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().OrderBy(t => t.ProtocolNumber).ToListAsync(cancellationToken)).Select(ToSummary).ToList();

    public async Task<IReadOnlyList<TrialArmDto>> GetArmsAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await db.Set<TrialArm>().AsNoTracking().Where(a => a.TrialId == trialId).OrderBy(a => a.Order)
            .Select(a => new TrialArmDto(a.Id, a.Name, a.Type, a.AllocationRatio)).ToListAsync(cancellationToken);

    public async Task<ProtocolVersionSummary?> GetProtocolVersionAsync(Guid protocolVersionId, CancellationToken cancellationToken = default) =>
        (await Versions().Where(p => p.Id == protocolVersionId).ToListAsync(cancellationToken)).Select(ToSummary).SingleOrDefault();

    public async Task<ProtocolVersionSummary?> GetCurrentProtocolVersionAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await Versions().Where(p => p.TrialId == trialId && p.Status == ProtocolVersionStatus.Submitted)
            .OrderByDescending(p => p.Major).Take(1).ToListAsync(cancellationToken)).Select(ToSummary).SingleOrDefault();

    public async Task<IReadOnlyList<ProtocolVersionSummary>> ListProtocolVersionsAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await Versions().Where(p => p.TrialId == trialId).OrderBy(p => p.Major).ToListAsync(cancellationToken)).Select(ToSummary).ToList();

    public async Task<ScheduleDto?> GetScheduleAsync(Guid protocolVersionId, CancellationToken cancellationToken = default)
    {
        var (version, trial) = await LoadAsync(protocolVersionId, cancellationToken);
        return version is null || trial is null ? null : ToSchedule(version, trial);
    }

    public async Task<EligibilityCriteriaDto?> GetCriteriaAsync(Guid protocolVersionId, CancellationToken cancellationToken = default)
    {
        var version = await db.ProtocolVersions.AsNoTracking().IgnoreAutoIncludes().SingleOrDefaultAsync(p => p.Id == protocolVersionId, cancellationToken);
        return version is null ? null : new EligibilityCriteriaDto(version.Id, version.InclusionCriteria, version.ExclusionCriteria);
    }

    public async Task<IReadOnlyList<ConsentVersionSummary>> ListConsentVersionsAsync(Guid protocolVersionId, CancellationToken cancellationToken = default) =>
        await db.Set<ConsentVersion>().AsNoTracking().Where(c => c.ProtocolVersionId == protocolVersionId)
            .OrderBy(c => c.DocumentName).ThenBy(c => c.Language)
            .Select(c => new ConsentVersionSummary(c.Id, c.ProtocolVersionId, c.DocumentName, c.Version, c.Language, c.FileName))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PlannedVisitDto>> PlanVisitsAsync(Guid protocolVersionId, DateOnly anchorDate,
        IReadOnlyDictionary<string, DateOnly>? actualDates = null, CancellationToken cancellationToken = default)
    {
        var (version, trial) = await LoadAsync(protocolVersionId, cancellationToken);
        if (version is null || trial is null)
        {
            return [];
        }

        return VisitWindowCalculator.Plan(version.Schedule(), anchorDate, trial.DayCountingConvention, actualDates)
            .Select(w => new PlannedVisitDto(w.Name, w.AnchoredOn, w.Planned, w.Earliest, w.Latest)).ToList();
    }

    public static ScheduleDto ToSchedule(ProtocolVersion version, Trial trial) =>
        new(version.Id, version.TrialId, version.Number, trial.DayCountingConvention, version.Procedures,
            version.Visits.OrderBy(v => v.Order)
                .Select(v => new VisitDefinitionDto(v.Id, v.Order, v.Name, v.Type, v.Anchor, v.AnchorVisit, v.TargetDay, v.WindowBefore, v.WindowAfter, v.Procedures))
                .ToList());

    private async Task<(ProtocolVersion? Version, Trial? Trial)> LoadAsync(Guid protocolVersionId, CancellationToken cancellationToken)
    {
        var version = await db.ProtocolVersions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == protocolVersionId, cancellationToken);
        var trial = version is null ? null : await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == version.TrialId, cancellationToken);
        return (version, trial);
    }

    private IQueryable<ProtocolVersion> Versions() => db.ProtocolVersions.AsNoTracking().IgnoreAutoIncludes();

    public static ProtocolVersionSummary ToSummary(ProtocolVersion p) => new(p.Id, p.TrialId, p.Number, p.Status, p.SubmittedAt);

    public static TrialSummary ToSummary(Trial t) =>
        new(t.Id, t.TenantId, t.ProtocolNumber, t.Title, t.Phase, t.Status, t.TargetEnrollment, t.AllowOverEnrollment)
        {
            DayCountingConvention = t.DayCountingConvention,
            SaeReportingHours = t.SaeReportingHours,
            RegistryId = t.RegistryId,
            TherapeuticArea = t.TherapeuticArea,
            Version = t.Version,
        };
}
