using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Sites.Contracts.IntegrationEvents;
using Ctms.Subjects.Contracts.IntegrationEvents;

namespace Ctms.UnitTests.Reporting;

/// <summary>
/// A small trial told as the events its modules publish: two sites, four subjects (one screen failure, one withdrawn,
/// one completed), visits (one overdue on <see cref="Today"/>, one out of window), a deviation, a late SAE, an IRB approval.
/// </summary>
internal sealed class TrialStory
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    public static readonly DateTimeOffset T0 = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    public Guid Trial { get; } = Guid.NewGuid();
    public Guid SiteA { get; } = Guid.NewGuid();
    public Guid SiteB { get; } = Guid.NewGuid();
    public Guid InstitutionA { get; } = Guid.NewGuid();
    public Guid Arm1 { get; } = Guid.NewGuid();
    public Guid S1 { get; } = Guid.NewGuid();
    public Guid S2 { get; } = Guid.NewGuid();
    public Guid S3 { get; } = Guid.NewGuid();
    public Guid S4 { get; } = Guid.NewGuid();
    public Guid VisitBaseline { get; } = Guid.NewGuid();
    public Guid VisitWeek2 { get; } = Guid.NewGuid();
    public Guid VisitWeek4 { get; } = Guid.NewGuid();
    public Guid Approval { get; } = Guid.NewGuid();
    public Guid Deviation { get; } = Guid.NewGuid();
    public Guid Sae { get; } = Guid.NewGuid();

    private static DateTimeOffset At(int hours) => T0.AddHours(hours);

    private static DateOnly Day(int days) => DateOnly.FromDateTime(T0.UtcDateTime).AddDays(days);

    public IReadOnlyList<object> Events() =>
    [
        new SiteMilestoneReached(SiteA, Trial, "selected", Day(-60), At(-1440)),
        new SiteMilestoneReached(SiteA, Trial, "activated", Day(-10), At(-240)),
        new SiteActivated(SiteA, Trial, InstitutionA, "A01", 10, At(-240)),
        new SiteStatusChanged(SiteB, Trial, "B01", "pending", "active", At(-200)),
        new SiteStatusChanged(SiteB, Trial, "B01", "active", "on-hold", At(-100)),
        new IrbApprovalGranted(Approval, Guid.NewGuid(), [InstitutionA], Trial, Guid.NewGuid(), false, Day(-30), Day(334), At(-720)),

        new SubjectScreened(S1, Trial, SiteA, "A01-001", Day(0), At(0)),
        new ConsentSigned(S1, Trial, SiteA, "A01-001", Guid.NewGuid(), "1.0", Day(0), false, At(1)),
        new EligibilityAssessed(S1, Trial, SiteA, "A01-001", Guid.NewGuid(), true, [], Day(1), At(24)),
        new SubjectEnrolled(S1, Trial, SiteA, "A01-001", At(25)),
        new SubjectRandomized(S1, Trial, SiteA, "A01-001", Arm1, "Drug", "A01", At(26)),
        new SubjectStatusChanged(S1, Trial, SiteA, "A01-001", "eligible", "on-study", At(25)),
        new VisitScheduleUpdated(S1, Trial, SiteA, "A01-001", Guid.NewGuid(),
        [
            new PlannedVisit(VisitBaseline, "Baseline", 1, Day(2), Day(2), Day(2)),
            new PlannedVisit(VisitWeek2, "Week 2", 2, Day(16), Day(14), Day(18)),
            new PlannedVisit(VisitWeek4, "Week 4", 3, Day(30), Day(28), Day(32)),
        ], At(25)),
        new VisitOccurred(VisitBaseline, S1, Trial, SiteA, "A01-001", "Baseline", Day(2), Day(2), true, null, At(48)),
        new VisitOccurred(VisitWeek2, S1, Trial, SiteA, "A01-001", "Week 2", Day(20), Day(16), false, "patient travelling", At(480)),
        new DeviationRecorded(Deviation, S1, Trial, SiteA, "A01-001", "visit-window", "minor", "Week 2 out of window", Day(20), Day(20), "rule", At(480)),

        new SubjectScreened(S2, Trial, SiteA, "A01-002", Day(1), At(24)),
        new ConsentSigned(S2, Trial, SiteA, "A01-002", Guid.NewGuid(), "1.0", Day(1), false, At(25)),
        new EligibilityAssessed(S2, Trial, SiteA, "A01-002", Guid.NewGuid(), false, ["HbA1c out of range", "age < 18"], Day(2), At(48)),
        new SubjectStatusChanged(S2, Trial, SiteA, "A01-002", "screening", "ineligible", At(48)),

        new SubjectScreened(S3, Trial, SiteB, "B01-001", Day(3), At(72)),
        new EligibilityAssessed(S3, Trial, SiteB, "B01-001", Guid.NewGuid(), true, [], Day(3), At(73)),
        new SubjectEnrolled(S3, Trial, SiteB, "B01-001", At(74)),
        new SubjectWithdrawn(S3, Trial, SiteB, "B01-001", "consent withdrawn", Day(10), At(240)),
        new SubjectStatusChanged(S3, Trial, SiteB, "B01-001", "on-study", "withdrawn", At(240)),
        new SeriousAdverseEventReported(Sae, S3, Trial, SiteB, "B01-001", "Pneumonia", ["hospitalisation"], At(100), At(124), At(130), true, At(130)),

        new SubjectScreened(S4, Trial, SiteB, "B01-002", Day(3), At(72)),
        new SubjectEnrolled(S4, Trial, SiteB, "B01-002", At(96)),
        new SubjectCompleted(S4, Trial, SiteB, "B01-002", Day(40), At(960)),
        new SubjectStatusChanged(S4, Trial, SiteB, "B01-002", "on-study", "off-study", At(960)),
    ];
}
