using Ctms.Trials.Domain;

namespace Ctms.UnitTests.Trials;

[Trait("Category", "TrialsSites")]
public sealed class TrialStatusTests
{
    private static Trial NewTrial() => new(Guid.NewGuid(), "t", "P-1", "Title", "phase-2", 10, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(TrialStatus.InReview, TrialStatus.Approved)]
    [InlineData(TrialStatus.InReview, TrialStatus.Withdrawn)]
    [InlineData(TrialStatus.InReview, TrialStatus.Disapproved)]
    [InlineData(TrialStatus.Approved, TrialStatus.Active)]
    [InlineData(TrialStatus.Active, TrialStatus.TemporarilyClosedToAccrual)]
    [InlineData(TrialStatus.TemporarilyClosedToAccrual, TrialStatus.Active)]
    [InlineData(TrialStatus.ClosedToAccrual, TrialStatus.Completed)]
    [InlineData(TrialStatus.Active, TrialStatus.AdministrativelyCompleted)]
    public void Allowed_transitions_are_in_the_table(string from, string to) => Assert.True(TrialStatus.CanMove(from, to));

    [Theory]
    [InlineData(TrialStatus.InReview, TrialStatus.Active)]
    [InlineData(TrialStatus.Approved, TrialStatus.Completed)]
    [InlineData(TrialStatus.Active, TrialStatus.InReview)]
    [InlineData(TrialStatus.Completed, TrialStatus.Active)]
    [InlineData(TrialStatus.Withdrawn, TrialStatus.Approved)]
    [InlineData(TrialStatus.Active, TrialStatus.Completed)]
    public void Other_transitions_are_not(string from, string to) => Assert.False(TrialStatus.CanMove(from, to));

    [Fact]
    public void Every_status_in_the_table_is_a_fhir_code_and_final_statuses_offer_nothing()
    {
        Assert.All(TrialStatus.All.SelectMany(TrialStatus.AllowedFrom), s => Assert.Contains(s, TrialStatus.All));
        Assert.Empty(TrialStatus.AllowedFrom(TrialStatus.Completed));
        Assert.Empty(TrialStatus.AllowedFrom(TrialStatus.Disapproved));
    }

    [Fact]
    public void An_illegal_change_is_refused_with_the_allowed_ones_named_and_the_status_kept()
    {
        var trial = NewTrial();

        var refused = trial.ChangeStatus(TrialStatus.Active);

        Assert.NotNull(refused);
        Assert.Equal("illegal-status-transition", refused.Code);
        Assert.Contains("'approved', 'withdrawn', 'disapproved'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TrialStatus.InReview, trial.Status);
        Assert.Null(trial.ChangeStatus(TrialStatus.Approved));
        Assert.Equal(TrialStatus.Approved, trial.Status);
    }
}
