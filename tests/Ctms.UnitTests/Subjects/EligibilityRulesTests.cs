using Ctms.Subjects.Domain.Rules;

namespace Ctms.UnitTests.Subjects;

[Trait("Category", "SubjectsVisits")]
public sealed class EligibilityRulesTests
{
    private static readonly string[] Inclusion = ["Age 19 or older", "ECOG 0 or 1"];
    private static readonly string[] Exclusion = ["Pregnant"];

    [Fact]
    public void Eligible_only_when_every_inclusion_is_met_and_no_exclusion_applies()
    {
        var outcome = EligibilityRules.Evaluate(Inclusion, Exclusion,
            new Dictionary<string, bool> { ["Age 19 or older"] = true, ["ECOG 0 or 1"] = true, ["Pregnant"] = false });

        Assert.True(outcome.Value.Eligible);
        Assert.Empty(outcome.Value.Reasons);
    }

    [Fact]
    public void An_unmet_inclusion_and_an_applying_exclusion_are_both_reasons()
    {
        var outcome = EligibilityRules.Evaluate(Inclusion, Exclusion,
            new Dictionary<string, bool> { ["Age 19 or older"] = true, ["ECOG 0 or 1"] = false, ["Pregnant"] = true });

        Assert.False(outcome.Value.Eligible);
        Assert.Equal(["Inclusion not met: ECOG 0 or 1", "Exclusion applies: Pregnant"], outcome.Value.Reasons);
    }

    [Fact]
    public void An_unanswered_or_unknown_criterion_is_a_field_error()
    {
        var outcome = EligibilityRules.Evaluate(Inclusion, Exclusion,
            new Dictionary<string, bool> { ["Age 19 or older"] = true, ["Pregnant"] = false, ["Smoker"] = true });

        Assert.True(outcome.IsFailure);
        Assert.Equal(["answers[ECOG 0 or 1]", "answers[Smoker]"], outcome.Errors.Select(e => e.Field));
    }
}
