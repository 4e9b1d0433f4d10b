using Ctms.Subjects.Domain;

namespace Ctms.UnitTests.Subjects;

[Trait("Category", "Foundation")]
public sealed class SubjectNumbersTests
{
    [Theory]
    [InlineData(1, "SEL01-001")]
    [InlineData(7, "SEL01-007")]
    [InlineData(999, "SEL01-999")]
    [InlineData(1234, "SEL01-1234")]
    public void Format_is_site_code_dash_at_least_three_digits(int sequence, string expected)
    {
        Assert.Equal(expected, SubjectNumbers.Format("SEL01", sequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Sequences_start_at_one(int sequence)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SubjectNumbers.Format("SEL01", sequence));
        Assert.Equal("sequence", ex.ParamName);
    }

    [Fact]
    public void Counter_issues_increasing_numbers_and_never_reuses_one()
    {
        var counter = new SiteEnrollmentCounter(Guid.NewGuid(), Guid.NewGuid());

        var numbers = Enumerable.Range(0, 5).Select(_ => counter.IssueSubjectNumber("SEL01")).ToList();

        Assert.Equal(["SEL01-001", "SEL01-002", "SEL01-003", "SEL01-004", "SEL01-005"], numbers);
        Assert.Equal(5, counter.LastSequence);
        Assert.Equal(0, counter.Enrolled);
    }

    [Fact]
    public void Every_change_to_a_counter_moves_its_concurrency_token()
    {
        var site = new SiteEnrollmentCounter(Guid.NewGuid(), Guid.NewGuid());
        var trial = new TrialEnrollmentCounter(Guid.NewGuid());

        site.IssueSubjectNumber("SEL01");
        site.CountEnrollment();
        trial.CountEnrollment();

        Assert.Equal(2, site.Version);
        Assert.Equal(1, site.Enrolled);
        Assert.Equal(1, trial.Version);
        Assert.Equal(1, trial.Enrolled);
    }
}
