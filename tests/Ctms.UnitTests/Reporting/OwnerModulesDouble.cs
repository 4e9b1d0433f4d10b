using Ctms.Irb.Contracts;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.UnitTests.Reporting;

/// <summary>
/// The owning modules' query interfaces answering with the state the story's events describe, for the rebuild. Only the
/// reads a rebuild and the exports make are implemented; any other call fails the test.
/// </summary>
internal sealed class OwnerModulesDouble : ITrialsQueries, ISitesQueries, ISubjectsQueries, IIrbQueries
{
    public List<TrialSummary> Trials { get; } = [];
    public List<SiteSummary> Sites { get; } = [];
    public List<SiteMilestoneSummary> Milestones { get; } = [];
    public List<SubjectSummary> Subjects { get; } = [];
    public List<VisitSummary> Visits { get; } = [];
    public List<ApprovalRecord> Approvals { get; } = [];
    public List<DeviationSummary> Deviations { get; } = [];
    public List<AdverseEventSummary> AdverseEvents { get; } = [];
    public List<TrialArmDto> Arms { get; } = [];
    public List<ProtocolVersionSummary> Versions { get; } = [];
    public ScheduleDto? Schedule { get; set; }

    private static Task<IReadOnlyList<T>> List<T>(IEnumerable<T> items) => Task.FromResult<IReadOnlyList<T>>(items.ToList());

    public Task<IReadOnlyList<TrialSummary>> ListAllAsync(CancellationToken cancellationToken = default) => List(Trials);

    Task<IReadOnlyList<SiteSummary>> ISitesQueries.ListForTrialAsync(Guid trialId, CancellationToken cancellationToken) =>
        List(Sites.Where(s => s.TrialId == trialId));

    public Task<IReadOnlyList<SiteMilestoneSummary>> ListMilestonesForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        List(Milestones.Where(m => m.TrialId == trialId));

    Task<IReadOnlyList<SubjectSummary>> ISubjectsQueries.ListForTrialAsync(Guid trialId, CancellationToken cancellationToken) =>
        List(Subjects.Where(s => s.TrialId == trialId));

    public Task<IReadOnlyList<VisitSummary>> ListVisitsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        List(Visits.Where(v => Subjects.Any(s => s.Id == v.SubjectId && s.TrialId == trialId)));

    public Task<IReadOnlyList<DeviationSummary>> ListDeviationsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        List(Deviations.Where(d => d.TrialId == trialId));

    public Task<IReadOnlyList<AdverseEventSummary>> ListAdverseEventsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        List(AdverseEvents.Where(a => a.TrialId == trialId));

    public Task<IReadOnlyList<ApprovalRecord>> ListApprovalsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        List(Approvals.Where(a => a.TrialId == trialId));

    // Read by the exports.
    Task<TrialSummary?> ITrialsQueries.GetAsync(Guid trialId, CancellationToken cancellationToken) => Task.FromResult(Trials.SingleOrDefault(t => t.Id == trialId));

    public Task<IReadOnlyList<TrialArmDto>> GetArmsAsync(Guid trialId, CancellationToken cancellationToken = default) => List(Arms);

    public Task<ProtocolVersionSummary?> GetCurrentProtocolVersionAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Versions.LastOrDefault(v => v.TrialId == trialId && v.IsSubmitted));

    public Task<ScheduleDto?> GetScheduleAsync(Guid protocolVersionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Schedule?.ProtocolVersionId == protocolVersionId ? Schedule : null);

    // Read by nobody here.
    public Task<IReadOnlyList<TrialSummary>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    Task<IReadOnlyList<TrialSummary>> ITrialsQueries.ListAsync(IReadOnlyCollection<Guid> trialIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<ProtocolVersionSummary?> GetProtocolVersionAsync(Guid protocolVersionId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<ProtocolVersionSummary>> ListProtocolVersionsAsync(Guid trialId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<EligibilityCriteriaDto?> GetCriteriaAsync(Guid protocolVersionId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<ConsentVersionSummary>> ListConsentVersionsAsync(Guid protocolVersionId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<PlannedVisitDto>> PlanVisitsAsync(Guid protocolVersionId, DateOnly anchorDate, IReadOnlyDictionary<string, DateOnly>? actualDates = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();
    Task<SiteSummary?> ISitesQueries.GetAsync(Guid siteId, CancellationToken cancellationToken) => throw new NotSupportedException();
    Task<IReadOnlyList<SiteSummary>> ISitesQueries.ListAsync(IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<InstitutionSummary>> ListInstitutionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<bool> CanPerformAsync(string userId, Guid siteId, string responsibility, DateOnly date, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<SubjectSummary>> ListForSiteAsync(Guid siteId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    Task<SubjectSummary?> ISubjectsQueries.GetAsync(Guid subjectId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<SubjectSummary?> FindByNumberAsync(Guid siteId, string subjectNumber, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<int> CountEnrolledAsync(Guid trialId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<IReadOnlyList<VisitSummary>> ListVisitsForSubjectAsync(Guid subjectId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    Task<IReadOnlyList<IrbSummary>> IIrbQueries.ListAsync(IReadOnlyCollection<Guid> irbIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<ApprovalStatus> ApprovalInForceAsync(Guid institutionId, Guid trialId, Guid protocolVersionId, DateOnly date, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> ConsentApprovedAsync(Guid institutionId, Guid trialId, Guid consentVersionId, DateOnly date, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
