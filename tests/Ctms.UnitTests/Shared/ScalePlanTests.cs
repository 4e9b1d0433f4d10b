using Ctms.Shared.Seeding;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Reporting")]
public sealed class ScalePlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static List<PlannedSubject> Subjects(ScalePlan plan, int trials = int.MaxValue) =>
        plan.Trials.Take(trials).SelectMany(t => t.Sites.SelectMany(s => plan.SubjectsOf(t, s))).ToList();

    [Fact]
    public void The_same_tier_gives_the_same_ids_and_stories_and_other_tiers_other_ids()
    {
        var first = Subjects(new ScalePlan(ScaleTier.XS, Today));
        var second = Subjects(new ScalePlan(ScaleTier.XS, Today));

        Assert.Equal(first.Select(s => (s.Id, s.SubjectNumber, s.Status, s.FullName)), second.Select(s => (s.Id, s.SubjectNumber, s.Status, s.FullName)));
        Assert.Equal(first.SelectMany(s => s.Visits).Select(v => (v.Id, v.Status, v.Actual)), second.SelectMany(s => s.Visits).Select(v => (v.Id, v.Status, v.Actual)));
        var ids = first.Select(s => s.Id).Concat(first.SelectMany(s => s.Visits.Select(v => v.Id))).Concat(first.SelectMany(s => s.Deviations.Select(d => d.Id)))
            .Concat(first.SelectMany(s => s.AdverseEvents.Select(a => a.Id))).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(ScaleIds.IsScaleId(id)));
        Assert.NotEqual(new ScalePlan(ScaleTier.S, Today).Trials[0].Id, new ScalePlan(ScaleTier.XS, Today).Trials[0].Id);
    }

    [Fact]
    public void Tier_XS_has_the_counts_it_promises()
    {
        var plan = new ScalePlan(ScaleTier.XS, Today);
        var subjects = Subjects(plan);

        Assert.Equal(2, plan.Trials.Count);
        Assert.Equal(6, plan.Sites.Count());
        Assert.Equal(ScaleTier.XS.Subjects, subjects.Count);
        Assert.Equal(plan.Sites.Sum(s => s.Subjects), subjects.Count);
        Assert.All(subjects.Where(s => s.EnrolledAt is not null), s => Assert.Equal(plan.Schedule.Count, s.Visits.Count));
        Assert.All(subjects.Where(s => s.EnrolledAt is null), s => Assert.Empty(s.Visits));
        // Site caps hold: no site enrolls beyond its target.
        Assert.All(plan.Sites, site => Assert.True(subjects.Count(s => s.SiteId == site.Id && s.EnrolledAt is not null) <= site.TargetEnrollment, site.Code));
    }

    [Fact]
    public void A_tier_S_trial_has_plausible_distributions()
    {
        var plan = new ScalePlan(ScaleTier.S, Today);
        var subjects = Subjects(plan, trials: 1);
        var assessed = subjects.Where(s => s.Eligible is not null).ToList();
        var enrolled = subjects.Where(s => s.EnrolledAt is not null).ToList();
        var visits = enrolled.SelectMany(s => s.Visits).ToList();
        var past = visits.Where(v => v.Latest < Today && v.Status != "not-applicable").ToList();
        var deviations = subjects.SelectMany(s => s.Deviations).ToList();
        var saes = subjects.SelectMany(s => s.AdverseEvents).Where(a => a.Serious).ToList();

        var screenFailRate = assessed.Count(s => s.Eligible == false) / (double)assessed.Count;
        Assert.InRange(screenFailRate, 0.20, 0.30);
        Assert.All(subjects.Where(s => s.Eligible == false), s => Assert.NotEmpty(s.ScreenFailReasons));
        Assert.Contains(subjects, s => s.Status == "screening");
        Assert.InRange(enrolled.Count(s => s.Status == "withdrawn") / (double)enrolled.Count, 0.03, 0.12);
        Assert.All(enrolled.Where(s => s.Status == "withdrawn"), s => Assert.False(string.IsNullOrEmpty(s.WithdrawalReason)));
        Assert.Contains(enrolled, s => s.Status == "off-study" && s.CompletedOn is not null);
        Assert.InRange(past.Count(v => v.Status == "occurred") / (double)past.Count, 0.85, 0.97);
        Assert.InRange(past.Count(v => v.Status == "missed") / (double)past.Count, 0.02, 0.08);
        Assert.InRange(past.Count(v => v.Status == "planned") / (double)past.Count, 0.02, 0.08);
        Assert.All(visits.Where(v => v.OutOfWindow), v => Assert.False(string.IsNullOrEmpty(v.Reason)));
        Assert.All(visits.Where(v => v.Status == "missed"), v => Assert.False(string.IsNullOrEmpty(v.Reason)));
        Assert.Equal(visits.Count(v => v.OutOfWindow), deviations.Count(d => d.Source == "rule"));
        Assert.Contains(deviations, d => d.Severity == "major");
        Assert.Contains(deviations, d => d.Severity == "minor");
        Assert.NotEmpty(saes);
        Assert.Contains(saes, a => a.Late);
        Assert.True(saes.Count(a => a.Late) < saes.Count / 3);
        var approvals = plan.Trials.SelectMany(t => t.Approvals).ToList();
        Assert.Contains(approvals, a => a.LapsedOn is null && a.ExpiresOn.DayNumber - Today.DayNumber is >= 0 and <= 60);
        Assert.All(approvals, a => Assert.Equal(a.ApprovedOn.AddYears(1).AddDays(-1), a.ExpiresOn));
        Assert.Contains(approvals, a => a.Recognised);
        Assert.Contains(plan.Sites, s => s.Status == "pending" && s.Milestones.Any(m => m.Actual is null));
    }
}
