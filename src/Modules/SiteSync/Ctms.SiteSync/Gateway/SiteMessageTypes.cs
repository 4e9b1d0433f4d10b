using System.Text.Json;
using FluentValidation;
using Ctms.Subjects.Contracts;

namespace Ctms.SiteSync.Gateway;

internal enum SubjectRule
{
    /// <summary>The message creates the subject: no subject number, no sequence.</summary>
    None,
    Required,

    /// <summary>Site-level when absent (a deviation not about one subject).</summary>
    Optional,
}

/// <summary>One site → central message type of schema version 1: how its body is read and applied.</summary>
internal sealed record SiteMessageType(
    string Name,
    SubjectRule Subject,
    string Responsibility,
    Func<JsonElement, List<Reason>, object?> ReadBody,
    Func<ISiteDataEntry, Guid, SiteEnvelope, object, CancellationToken, Task<DataEntryResult>> Apply);

internal static class SiteMessageTypes
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyDictionary<string, SiteMessageType> All = new[]
    {
        Define<SubjectScreenedBody>("SubjectScreened", SubjectRule.None, "data-entry", new SubjectScreenedValidator(),
            (entry, site, env, b, ct) => entry.ScreenAsync(new ScreenSubjectEntry(site, b.ScreenedOn!.Value,
                b.Identifiers is null ? null : new SubjectIdentifiers(b.Identifiers.FullName, b.Identifiers.BirthDate, b.Identifiers.Contact)) { IdempotencyKey = env.MessageId }, ct)),
        Define<ConsentSignedBody>("ConsentSigned", SubjectRule.Required, "informed-consent", new ConsentSignedValidator(),
            (entry, site, env, b, ct) => entry.SignConsentAsync(new ConsentEntry(site, env.SubjectNumber!, b.ConsentVersionId!.Value, b.SignedOn!.Value) { IdempotencyKey = env.MessageId }, ct)),
        Define<EligibilityAssessedBody>("EligibilityAssessed", SubjectRule.Required, "eligibility-assessment", new EligibilityAssessedValidator(),
            (entry, site, env, b, ct) => entry.AssessEligibilityAsync(new EligibilityEntry(site, env.SubjectNumber!, b.Answers!, b.AssessedOn!.Value) { IdempotencyKey = env.MessageId }, ct)),
        Define<EnrollmentRequestedBody>("EnrollmentRequested", SubjectRule.Required, "data-entry", new EnrollmentRequestedValidator(),
            (entry, site, env, b, ct) => entry.EnrollAsync(new EnrollmentEntry(site, env.SubjectNumber!, b.StratificationFactors!) { IdempotencyKey = env.MessageId }, ct)),
        Define<VisitOccurredBody>("VisitOccurred", SubjectRule.Required, "study-visits", new VisitOccurredValidator(),
            (entry, site, env, b, ct) => entry.RecordVisitAsync(new VisitEntry(site, env.SubjectNumber!, b.VisitName!, b.OccurredOn!.Value, b.OutOfWindowReason) { IdempotencyKey = env.MessageId }, ct)),
        Define<VisitMissedBody>("VisitMissed", SubjectRule.Required, "study-visits", new VisitMissedValidator(),
            (entry, site, env, b, ct) => entry.MarkVisitMissedAsync(new MissedVisitEntry(site, env.SubjectNumber!, b.VisitName!, b.Reason!) { IdempotencyKey = env.MessageId }, ct)),
        Define<AdverseEventReportedBody>("AdverseEventReported", SubjectRule.Required, "ae-assessment-reporting", new AdverseEventReportedValidator(),
            (entry, site, env, b, ct) => entry.ReportAdverseEventAsync(new AdverseEventEntry(site, env.SubjectNumber!, b.Term!, b.OnsetOn!.Value,
                b.Severity!, b.Causality!, b.SeriousnessCriteria!, b.AwareAt!.Value) { IdempotencyKey = env.MessageId }, ct)),
        Define<DeviationReportedBody>("DeviationReported", SubjectRule.Optional, "data-entry", new DeviationReportedValidator(),
            (entry, site, env, b, ct) => entry.ReportDeviationAsync(new DeviationEntry(site, env.SubjectNumber, b.Category!, b.Severity!, b.Description!,
                b.OccurredOn!.Value, b.IdentifiedOn!.Value) { IdempotencyKey = env.MessageId }, ct)),
        Define<SubjectWithdrawnBody>("SubjectWithdrawn", SubjectRule.Required, "data-entry", new SubjectWithdrawnValidator(),
            (entry, site, env, b, ct) => entry.WithdrawAsync(new WithdrawalEntry(site, env.SubjectNumber!, b.Reason!, b.WithdrawnOn!.Value) { IdempotencyKey = env.MessageId }, ct)),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static SiteMessageType Define<TBody>(
        string name,
        SubjectRule subject,
        string responsibility,
        IValidator<TBody> validator,
        Func<ISiteDataEntry, Guid, SiteEnvelope, TBody, CancellationToken, Task<DataEntryResult>> apply)
        where TBody : class =>
        new(name, subject, responsibility,
            (body, reasons) =>
            {
                TBody? typed;
                try
                {
                    typed = body.Deserialize<TBody>(Json);
                }
                catch (JsonException ex)
                {
                    reasons.Add(new Reason(BodyPath(ex.Path), "invalid", $"{BodyPath(ex.Path)} has the wrong type or format."));
                    return null;
                }

                if (typed is null)
                {
                    reasons.Add(new Reason("body", "invalid", "body is required."));
                    return null;
                }

                foreach (var failure in validator.Validate(typed).Errors)
                {
                    reasons.Add(new Reason("body." + CamelPath(failure.PropertyName), "invalid", failure.ErrorMessage));
                }

                return reasons.Count == 0 ? typed : null;
            },
            (entry, site, envelope, body, ct) => apply(entry, site, envelope, (TBody)body, ct));

    /// <summary>"$.occurredOn" → "body.occurredOn".</summary>
    private static string BodyPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : "body" + path.TrimStart('$');

    /// <summary>"SeriousnessCriteria[0]" → "seriousnessCriteria[0]"; "Identifiers.FullName" → "identifiers.fullName".</summary>
    private static string CamelPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
