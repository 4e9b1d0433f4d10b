namespace Ctms.Reporting.Contracts;

/// <summary>
/// One site's figures from the read model on a given day. Subject counts are "ever reached" (a withdrawn subject still
/// counts as enrolled); overdue = planned visits whose window closed before that day.
/// </summary>
public sealed record SiteMetrics(
    Guid TrialId,
    Guid SiteId,
    int Screened,
    int ScreenFailed,
    int Consented,
    int Enrolled,
    int Randomized,
    int Withdrawn,
    int Completed,
    int VisitsPlanned,
    int VisitsOccurred,
    int VisitsMissed,
    int VisitsOverdue,
    int VisitsOutOfWindow,
    int DeviationsMinor,
    int DeviationsMajor,
    int SeriousAdverseEvents,
    int LateSeriousAdverseEvents)
{
    /// <summary>Screen failures over subjects whose eligibility is known (screened), 0 when none.</summary>
    public double ScreenFailRate => Screened == 0 ? 0 : (double)ScreenFailed / Screened;
}

/// <summary>Subjects enrolled on one day at a trial (the recruitment curve's points).</summary>
public sealed record DailyEnrollment(DateOnly Day, int Enrolled);

/// <summary>Randomized subjects per arm.</summary>
public sealed record ArmCount(string Arm, int Randomized);
