using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.Access;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.SubjectPage;

internal sealed record SubjectDetailQuery(Guid SiteId, Guid SubjectId) : IQuery<SubjectDetail>;

internal sealed record ConsentRow(string Label, DateOnly SignedOn, bool Reconsent, DateTimeOffset RecordedAt);

internal sealed record AdverseEventRow(Guid Id, string Term, DateOnly OnsetOn, string Severity, string Causality, IReadOnlyList<string> SeriousnessCriteria,
    DateTimeOffset AwareAt, DateTimeOffset? DueAt, DateTimeOffset ReportedAt)
{
    public bool Serious => SeriousnessCriteria.Count > 0;
    public bool Late => DueAt is { } due && ReportedAt > due;
}

internal sealed record DeviationRow(Guid Id, string Category, string Severity, string Description, DateOnly OccurredOn, DateOnly IdentifiedOn, string Source);

/// <summary>Everything the subject page shows; <see cref="Identifiers"/> are decrypted only here, for the site's own staff.</summary>
internal sealed record SubjectDetail(
    SiteSummary Site,
    TrialSummary Trial,
    SubjectSummary Subject,
    SubjectIdentifiers? Identifiers,
    string? ConsentLabel,
    string? ReconsentLabel,
    string? EligibilityReasons,
    IReadOnlyList<VisitSummary> Visits,
    IReadOnlyList<ConsentRow> Consents,
    IReadOnlyList<AdverseEventRow> AdverseEvents,
    IReadOnlyList<DeviationRow> Deviations,
    IReadOnlyList<ConsentVersionSummary> ConsentVersions,
    IReadOnlyList<string> Inclusion,
    IReadOnlyList<string> Exclusion,
    IReadOnlyList<(string Name, IReadOnlyList<string> Levels)> Factors,
    bool Randomizes);

internal sealed class SubjectDetailHandler(
    SubjectsDbContext db,
    ISubjectsQueries subjects,
    ISitesQueries sites,
    ITrialsQueries trials,
    IdentifierProtection protection,
    ICurrentUser user) : IQueryHandler<SubjectDetailQuery, SubjectDetail>
{
    public async Task<Result<SubjectDetail>> HandleAsync(SubjectDetailQuery query, CancellationToken cancellationToken = default)
    {
        if (SiteStaffAccess.Check(user, query.SiteId) is { } denied)
        {
            return denied;
        }

        var subject = await subjects.GetAsync(query.SubjectId, cancellationToken);
        var site = await sites.GetAsync(query.SiteId, cancellationToken);
        var trial = site is null ? null : await trials.GetAsync(site.TrialId, cancellationToken);
        if (subject is null || subject.SiteId != query.SiteId || site is null || trial is null)
        {
            return Error.NotFound("The subject");
        }

        var entity = await db.Subjects.AsNoTracking().SingleAsync(s => s.Id == subject.Id, cancellationToken);
        var identity = await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.SubjectId == subject.Id, cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.SubjectId == subject.Id).ToListAsync(cancellationToken);
        var aes = await db.AdverseEvents.AsNoTracking().Where(a => a.SubjectId == subject.Id).ToListAsync(cancellationToken);
        var deviations = await db.Deviations.AsNoTracking().Where(d => d.SubjectId == subject.Id).ToListAsync(cancellationToken);
        var version = await trials.GetCurrentProtocolVersionAsync(trial.Id, cancellationToken);
        var criteria = version is null ? null : await trials.GetCriteriaAsync(version.Id, cancellationToken);
        var consentVersions = new List<ConsentVersionSummary>();
        foreach (var v in await trials.ListProtocolVersionsAsync(trial.Id, cancellationToken))
        {
            consentVersions.AddRange(await trials.ListConsentVersionsAsync(v.Id, cancellationToken));
        }

        var scheme = await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.TrialId == trial.Id, cancellationToken);
        var arms = await trials.GetArmsAsync(trial.Id, cancellationToken);

        return new SubjectDetail(site, trial, subject,
            identity is null ? null : protection.Unprotect(identity.ProtectedPayload),
            entity.ConsentVersionLabel, entity.ReconsentVersionLabel, entity.EligibilityReasons,
            await subjects.ListVisitsForSubjectAsync(subject.Id, cancellationToken),
            consents.OrderBy(c => c.SignedOn).Select(c => new ConsentRow(c.Label, c.SignedOn, c.Reconsent, c.RecordedAt)).ToList(),
            aes.OrderBy(a => a.OnsetOn).Select(a => new AdverseEventRow(a.Id, a.Term, a.OnsetOn, a.Severity, a.Causality, a.SeriousnessCriteria, a.AwareAt, a.DueAt,
                a.ReportedAt)).ToList(),
            deviations.OrderBy(d => d.OccurredOn).Select(d => new DeviationRow(d.Id, d.Category, d.Severity, d.Description, d.OccurredOn, d.IdentifiedOn, d.Source))
                .ToList(),
            consentVersions,
            criteria?.Inclusion ?? [],
            criteria?.Exclusion ?? [],
            (scheme?.Factors ?? []).Select(f => (f.Name, f.Levels)).ToList(),
            arms.Count > 1);
    }
}
