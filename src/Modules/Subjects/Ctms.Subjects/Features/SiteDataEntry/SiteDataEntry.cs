using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.Consent;
using Ctms.Subjects.Features.Deviations;
using Ctms.Subjects.Features.Eligibility;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.Randomization;
using Ctms.Subjects.Features.Safety;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Features.Visits;
using Ctms.Subjects.Features.Withdrawal;
using Ctms.Trials.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Subjects.Features.SiteDataEntry;

/// <summary>
/// <see cref="ISiteDataEntry"/> over the module's own command handlers (validation decorator included), so data from a
/// site system meets exactly the rules the UI and the API do.
/// </summary>
internal sealed class SiteDataEntryService(IServiceProvider services, ITrialsQueries trials, IdempotentEntries idempotent) : ISiteDataEntry
{
    public Task<DataEntryResult> ScreenAsync(ScreenSubjectEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "screen", ct => ApplyScreenAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> SignConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "consent", ct => ApplySignConsentAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> AssessEligibilityAsync(EligibilityEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "eligibility", ct => ApplyAssessEligibilityAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> EnrollAsync(EnrollmentEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "enroll", ct => ApplyEnrollAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> RecordVisitAsync(VisitEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "visit", ct => ApplyRecordVisitAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> MarkVisitMissedAsync(MissedVisitEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "visit-missed", ct => ApplyMarkVisitMissedAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> ReportAdverseEventAsync(AdverseEventEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "adverse-event", ct => ApplyReportAdverseEventAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> ReportDeviationAsync(DeviationEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "deviation", ct => ApplyReportDeviationAsync(entry, ct), cancellationToken);

    public Task<DataEntryResult> WithdrawAsync(WithdrawalEntry entry, CancellationToken cancellationToken = default) =>
        idempotent.RunAsync(entry.IdempotencyKey, "withdrawal", ct => ApplyWithdrawAsync(entry, ct), cancellationToken);

    private async Task<DataEntryResult> ApplyScreenAsync(ScreenSubjectEntry entry, CancellationToken cancellationToken)
    {
        var result = await Handle<ScreenSubjectCommand, ScreenedSubject>(new ScreenSubjectCommand(entry.SiteId, entry.ScreenedOn,
            entry.Identifiers?.FullName, entry.Identifiers?.BirthDate, entry.Identifiers?.Contact), cancellationToken);
        return Outcome(result, s => (s.SubjectId, s.SubjectNumber));
    }

    private async Task<DataEntryResult> ApplySignConsentAsync(ConsentEntry entry, CancellationToken cancellationToken) =>
        Outcome(await Handle<SignConsentCommand, ConsentRecorded>(
            new SignConsentCommand(entry.SiteId, entry.SubjectNumber, entry.ConsentVersionId, entry.SignedOn), cancellationToken),
            c => (c.SubjectId, c.SubjectNumber));

    private async Task<DataEntryResult> ApplyAssessEligibilityAsync(EligibilityEntry entry, CancellationToken cancellationToken)
    {
        var result = await Handle<AssessEligibilityCommand, EligibilityAssessment>(
            new AssessEligibilityCommand(entry.SiteId, entry.SubjectNumber, entry.Answers, entry.AssessedOn), cancellationToken);
        return Outcome(result, e => (e.SubjectId, e.SubjectNumber)) with { Eligible = result.IsSuccess ? result.Value.Eligible : null };
    }

    private async Task<DataEntryResult> ApplyEnrollAsync(EnrollmentEntry entry, CancellationToken cancellationToken)
    {
        var factors = entry.StratificationFactors ?? new Dictionary<string, string>();
        var enrolled = await Handle<EnrollSubjectCommand, EnrolledSubject>(new EnrollSubjectCommand(entry.SiteId, entry.SubjectNumber), cancellationToken);
        if (enrolled.IsFailure)
        {
            return Outcome(enrolled, e => (e.SubjectId, e.SubjectNumber));
        }

        var subject = await services.GetRequiredService<ISubjectsQueries>().GetAsync(enrolled.Value.SubjectId, cancellationToken);
        if (subject is null || (await trials.GetArmsAsync(subject.TrialId, cancellationToken)).Count < 2)
        {
            return Outcome(enrolled, e => (e.SubjectId, e.SubjectNumber));
        }

        // Enrolled but not randomized (a factor missing): the enrollment stands, the refusal says what to send next.
        var randomized = await Handle<RandomizeSubjectCommand, RandomizedSubject>(
            new RandomizeSubjectCommand(entry.SiteId, entry.SubjectNumber, factors), cancellationToken);
        return randomized.IsSuccess
            ? Outcome(randomized, r => (r.SubjectId, r.SubjectNumber)) with { ArmId = randomized.Value.ArmId, ArmName = randomized.Value.ArmName }
            : new DataEntryResult(false, Errors(randomized), enrolled.Value.SubjectId, enrolled.Value.SubjectNumber);
    }

    private async Task<DataEntryResult> ApplyRecordVisitAsync(VisitEntry entry, CancellationToken cancellationToken) =>
        Outcome(await Handle<RecordVisitCommand, RecordedVisit>(
            new RecordVisitCommand(entry.SiteId, entry.SubjectNumber, entry.VisitName, entry.OccurredOn, entry.OutOfWindowReason), cancellationToken),
            v => (v.SubjectId, v.SubjectNumber));

    private async Task<DataEntryResult> ApplyMarkVisitMissedAsync(MissedVisitEntry entry, CancellationToken cancellationToken) =>
        Outcome(await Handle<MarkVisitMissedCommand, MissedVisit>(
            new MarkVisitMissedCommand(entry.SiteId, entry.SubjectNumber, entry.VisitName, entry.Reason), cancellationToken),
            v => (v.SubjectId, v.SubjectNumber));

    private async Task<DataEntryResult> ApplyReportAdverseEventAsync(AdverseEventEntry entry, CancellationToken cancellationToken) =>
        Outcome(await Handle<RecordAdverseEventCommand, RecordedAdverseEvent>(
            new RecordAdverseEventCommand(entry.SiteId, entry.SubjectNumber, entry.Term, entry.OnsetOn, entry.Severity, entry.Causality,
                entry.SeriousnessCriteria ?? [], entry.AwareAt), cancellationToken),
            a => (a.SubjectId, a.SubjectNumber));

    private async Task<DataEntryResult> ApplyReportDeviationAsync(DeviationEntry entry, CancellationToken cancellationToken) =>
        Outcome(await Handle<RecordDeviationCommand, RecordedDeviation>(
            new RecordDeviationCommand(entry.SiteId, entry.SubjectNumber, entry.Category, entry.Severity, entry.Description, entry.OccurredOn, entry.IdentifiedOn),
            cancellationToken),
            d => (d.SubjectId, entry.SubjectNumber));

    private async Task<DataEntryResult> ApplyWithdrawAsync(WithdrawalEntry entry, CancellationToken cancellationToken) =>
        Outcome(await Handle<WithdrawSubjectCommand, WithdrawnSubject>(
            new WithdrawSubjectCommand(entry.SiteId, entry.SubjectNumber, entry.Reason, entry.WithdrawnOn), cancellationToken),
            w => (w.SubjectId, w.SubjectNumber));

    private Task<Result<TResult>> Handle<TCommand, TResult>(TCommand command, CancellationToken cancellationToken) where TCommand : ICommand<TResult> =>
        services.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command, cancellationToken);

    private static DataEntryResult Outcome<T>(Result<T> result, Func<T, (Guid? Id, string? Number)> subject)
    {
        if (result.IsFailure)
        {
            return new DataEntryResult(false, Errors(result));
        }

        var (id, number) = subject(result.Value);
        return new DataEntryResult(true, [], id, number);
    }

    private static List<DataEntryError> Errors(Result result) =>
        result.Errors.Select(e => new DataEntryError(e.Code, e.Message, e.Field is null ? null : CamelCase(e.Field))).ToList();

    private static string CamelCase(string field) => field.Length == 0 || char.IsLower(field[0]) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
