using Ctms.Sites.Contracts;
using Ctms.Subjects.Domain.Rules;
using Ctms.Trials.Contracts;

namespace Ctms.UnitTests.Subjects;

[Trait("Category", "Foundation")]
public sealed class EnrollmentRulesTests
{
    private static TrialSummary Trial(string status = "active", int target = 100, bool allowOver = false) =>
        new(Guid.NewGuid(), "acme", "SEL-301", "Selene phase III", "phase-3", status, target, allowOver);

    private static SiteSummary Site(string status = "active", int target = 10) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Hospital One", "SEL01", "Dr Who", status, target);

    [Fact]
    public void No_refusal_under_both_caps()
    {
        Assert.Empty(EnrollmentRules.Check(Site(target: 10), Trial(target: 100), siteEnrolled: 9, trialEnrolled: 99));
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("temporarily-closed-to-accrual")]
    [InlineData("completed")]
    public void Trial_not_active_is_not_recruiting(string status)
    {
        var error = Assert.Single(EnrollmentRules.Check(Site(), Trial(status), 0, 0));

        Assert.Equal("trial-not-recruiting", error.Code);
        Assert.Contains("SEL-301", error.Message, StringComparison.Ordinal);
        Assert.Contains(status, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("on-hold")]
    [InlineData("closed")]
    public void Site_not_active_is_refused(string status)
    {
        var error = Assert.Single(EnrollmentRules.Check(Site(status), Trial(), 0, 0));

        Assert.Equal("site-not-active", error.Code);
        Assert.Contains("SEL01", error.Message, StringComparison.Ordinal);
        Assert.Contains(status, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void Site_target_reached_is_refused(int siteEnrolled)
    {
        var error = Assert.Single(EnrollmentRules.Check(Site(target: 10), Trial(), siteEnrolled, 0));

        Assert.Equal("site-target-reached", error.Code);
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_target_reached_is_refused()
    {
        var error = Assert.Single(EnrollmentRules.Check(Site(), Trial(target: 40), 0, 40));

        Assert.Equal("trial-target-reached", error.Code);
        Assert.Contains("40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refusal_is_reported_together()
    {
        var errors = EnrollmentRules.Check(Site("on-hold", target: 5), Trial("completed", target: 50), 5, 50);

        Assert.Equal(
            ["trial-not-recruiting", "site-not-active", "site-target-reached", "trial-target-reached"],
            errors.Select(e => e.Code));
    }

    [Fact]
    public void Caps_are_ignored_when_the_trial_allows_over_enrollment()
    {
        Assert.Empty(EnrollmentRules.Check(Site(target: 5), Trial(target: 50, allowOver: true), 8, 80));
    }

    [Fact]
    public void Over_enrollment_does_not_lift_the_status_rules()
    {
        var errors = EnrollmentRules.Check(Site("closed", target: 5), Trial("completed", target: 50, allowOver: true), 8, 80);

        Assert.Equal(["trial-not-recruiting", "site-not-active"], errors.Select(e => e.Code));
    }
}
