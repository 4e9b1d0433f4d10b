using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Rules;

namespace Ctms.UnitTests.Subjects;

[Trait("Category", "SubjectsVisits")]
public sealed class SubjectLifecycleTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);
    private static readonly Guid Consent = Guid.NewGuid();
    private static readonly Guid Protocol = Guid.NewGuid();

    private static Subject Screened() => Subject.Screen(Guid.NewGuid(), Guid.NewGuid(), "SEL01-001", Day, "coordinator");

    private static Subject Eligible()
    {
        var subject = Screened();
        Assert.Null(subject.SignConsent(Consent, "ICF 1.0 (en)", Day, null));
        Assert.Null(subject.AssessEligibility(Protocol, true, [], Day));
        return subject;
    }

    private static Subject Enrolled()
    {
        var subject = Eligible();
        Assert.Null(subject.Enroll(Protocol, DateTimeOffset.UtcNow, Day, "coordinator"));
        return subject;
    }

    [Fact]
    public void Screening_starts_in_screening_and_the_happy_path_reaches_on_study_then_off_study()
    {
        var subject = Screened();
        Assert.Equal(SubjectStatus.Screening, subject.Status);

        Assert.Null(subject.SignConsent(Consent, "ICF 1.0 (en)", Day, null));
        Assert.Null(subject.AssessEligibility(Protocol, true, [], Day));
        Assert.Equal(SubjectStatus.Eligible, subject.Status);
        Assert.Null(subject.Enroll(Protocol, DateTimeOffset.UtcNow, Day, "coordinator"));
        Assert.Equal(SubjectStatus.OnStudy, subject.Status);
        Assert.Equal(Day, subject.AnchorDate);
        Assert.Null(subject.Complete(Day.AddDays(90)));
        Assert.Equal(SubjectStatus.OffStudy, subject.Status);
    }

    [Fact]
    public void Eligibility_before_consent_is_refused_naming_consent()
    {
        var error = Screened().AssessEligibility(Protocol, true, [], Day);

        Assert.Equal("consent-missing", error?.Code);
    }

    [Fact]
    public void Eligibility_dated_before_the_consent_is_refused_on_the_date_field()
    {
        var subject = Screened();
        subject.SignConsent(Consent, "ICF", Day, null);

        var error = subject.AssessEligibility(Protocol, true, [], Day.AddDays(-1));

        Assert.Equal("assessedOn", error?.Field);
        Assert.Equal(SubjectStatus.Screening, subject.Status);
    }

    [Fact]
    public void Consent_dated_after_a_study_procedure_is_refused_and_nothing_changes()
    {
        var subject = Screened();

        var error = subject.SignConsent(Consent, "ICF", Day, earliestProcedure: Day.AddDays(-1));

        Assert.Equal("procedure-before-consent", error?.Code);
        Assert.Null(subject.ConsentVersionId);
    }

    [Fact]
    public void Ineligible_is_a_terminal_screen_failure_with_reasons()
    {
        var subject = Screened();
        subject.SignConsent(Consent, "ICF", Day, null);

        Assert.Null(subject.AssessEligibility(Protocol, false, ["Exclusion applies: Pregnant"], Day));

        Assert.Equal(SubjectStatus.Ineligible, subject.Status);
        Assert.Contains("Pregnant", subject.EligibilityReasons, StringComparison.Ordinal);
        Assert.Equal("illegal-transition", subject.Enroll(Protocol, DateTimeOffset.UtcNow, Day, "c")?.Code);
        Assert.Equal("illegal-transition", subject.Withdraw("x", Day)?.Code);
        Assert.Equal("illegal-transition", subject.AssessEligibility(Protocol, true, [], Day)?.Code);
    }

    [Fact]
    public void Enrolling_a_screened_subject_names_the_missing_eligibility()
    {
        var error = Screened().Enroll(Protocol, DateTimeOffset.UtcNow, Day, "c");

        Assert.Equal("not-eligible", error?.Code);
    }

    [Fact]
    public void Enrolling_twice_is_an_illegal_transition()
    {
        var error = Enrolled().Enroll(Protocol, DateTimeOffset.UtcNow, Day, "c");

        Assert.Equal("illegal-transition", error?.Code);
        Assert.Contains("'on-study' and cannot become 'on-study'", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Randomization_needs_enrollment_and_happens_once()
    {
        Assert.Equal("not-enrolled", Eligible().Randomize(Guid.NewGuid(), "A", "SEL01", DateTimeOffset.UtcNow)?.Code);

        var subject = Enrolled();
        Assert.Null(subject.Randomize(Guid.NewGuid(), "A", "SEL01", DateTimeOffset.UtcNow));
        Assert.Equal("already-randomized", subject.Randomize(Guid.NewGuid(), "B", "SEL01", DateTimeOffset.UtcNow)?.Code);
        Assert.Equal("A", subject.ArmName);
    }

    [Theory]
    [InlineData("screening")]
    [InlineData("eligible")]
    [InlineData("on-study")]
    public void Withdrawal_works_from_every_active_state_and_keeps_the_reason(string from)
    {
        var subject = from switch { "screening" => Screened(), "eligible" => Eligible(), _ => Enrolled() };

        Assert.Null(subject.Withdraw("Moved abroad", Day));

        Assert.Equal(SubjectStatus.Withdrawn, subject.Status);
        Assert.Equal("Moved abroad", subject.WithdrawalReason);
        Assert.Equal("illegal-transition", subject.Withdraw("again", Day)?.Code);
    }

    [Fact]
    public void Completion_needs_on_study()
    {
        Assert.Equal("illegal-transition", Eligible().Complete(Day)?.Code);
    }

    [Fact]
    public void Reconsent_flag_is_set_once_and_cleared_by_signing_that_version()
    {
        var subject = Enrolled();
        var v2 = Guid.NewGuid();

        Assert.True(subject.RequireReconsent(v2, "ICF 2.0 (en)"));
        Assert.False(subject.RequireReconsent(v2, "ICF 2.0 (en)"));
        Assert.True(subject.ReconsentRequired);
        Assert.Contains(EnrollmentRules.SubjectReady(subject, consentApproved: true), e => e.Code == "reconsent-required");

        Assert.Null(subject.SignConsent(v2, "ICF 2.0 (en)", Day.AddDays(10), null));
        Assert.False(subject.ReconsentRequired);
        Assert.Equal(v2, subject.ConsentVersionId);
        Assert.Equal(Day, subject.ConsentedOn); // the first consent date still precedes every procedure
    }

    [Fact]
    public void Subject_readiness_names_every_missing_precondition()
    {
        var errors = EnrollmentRules.SubjectReady(Screened(), consentApproved: false);

        Assert.Equal(["consent-missing", "not-eligible"], errors.Select(e => e.Code));
    }

    [Fact]
    public void Consent_on_a_version_no_longer_approved_is_named()
    {
        var errors = EnrollmentRules.SubjectReady(Eligible(), consentApproved: false);

        Assert.Equal(["consent-not-approved"], errors.Select(e => e.Code));
    }
}
