using Ctms.Subjects.Domain.Randomization;

namespace Ctms.UnitTests.Subjects;

/// <summary>Properties of stratified permuted blocks (DOMAIN "Randomization"), over many seeded draws.</summary>
[Trait("Category", "SubjectsVisits")]
public sealed class PermutedBlocksTests
{
    private static readonly ArmShare A = new(Guid.NewGuid(), "A", 2);
    private static readonly ArmShare B = new(Guid.NewGuid(), "B", 1);
    private static readonly ArmShare C = new(Guid.NewGuid(), "C", 1);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void After_each_complete_block_the_arms_match_the_ratio_exactly(int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<ArmShare> arms = [A, B];
        var sequence = new List<ArmShare>();
        var boundaries = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            sequence.AddRange(PermutedBlocks.NewBlock(arms, [3, 6], random.Next));
            boundaries.Add(sequence.Count);
        }

        foreach (var end in boundaries)
        {
            var a = sequence.Take(end).Count(x => x == A);
            var b = sequence.Take(end).Count(x => x == B);
            Assert.Equal(2 * b, a);
        }
    }

    [Fact]
    public void Block_sizes_vary_and_are_drawn_from_the_configured_set_scaled_to_the_ratio()
    {
        var random = new Random(3);
        var sizes = Enumerable.Range(0, 500).Select(_ => PermutedBlocks.NewBlock([A, B, C], [4, 8, 5], random.Next).Count).ToHashSet();

        Assert.Equal([4, 8], sizes.Order()); // 5 is not a multiple of 2+1+1, so it is never used
    }

    [Fact]
    public void Without_usable_sizes_the_defaults_are_twice_and_three_times_the_ratio_sum()
    {
        Assert.Equal([6, 9], PermutedBlocks.UsableSizes([A, B], [5, 7]));
    }

    /// <summary>
    /// Someone who knows where the stratum's sequence started and assumes blocks of 4 predicts the last arm of each assumed
    /// block from the three before it. With one fixed block size that guess is always right (so this test can fail); with
    /// sizes drawn from {4, 6} it is often wrong.
    /// </summary>
    [Fact]
    public void The_next_arm_is_not_predictable_from_the_block_position_alone()
    {
        Assert.Equal(1.0, GuessAccuracy([4]), 3);
        Assert.InRange(GuessAccuracy([4, 6]), 0.0, 0.8);
    }

    private static double GuessAccuracy(IReadOnlyList<int> sizes)
    {
        var random = new Random(11);
        IReadOnlyList<ArmShare> arms = [new(A.Id, "A", 1), new(B.Id, "B", 1)];
        var sequence = new List<Guid>();
        while (sequence.Count < 20_000)
        {
            sequence.AddRange(PermutedBlocks.NewBlock(arms, sizes, random.Next).Select(a => a.Id));
        }

        int right = 0, guesses = 0;
        for (var end = 4; end <= sequence.Count; end += 4)
        {
            var firstThree = sequence.Skip(end - 4).Take(3).ToList();
            var guess = firstThree.Count(id => id == A.Id) >= 2 ? B.Id : A.Id;
            guesses++;
            right += sequence[end - 1] == guess ? 1 : 0;
        }

        return (double)right / guesses;
    }

    [Fact]
    public void The_stratum_is_the_site_then_every_factor_level_and_every_factor_is_required()
    {
        IReadOnlyList<StratificationFactor> factors = [new("ECOG", ["0", "1"]), new("Region", ["Asia", "Europe"])];

        var stratum = PermutedBlocks.Stratum("SEL01", factors, new Dictionary<string, string> { ["ecog"] = "1", ["Region"] = "asia" });
        var missing = PermutedBlocks.Stratum("SEL01", factors, new Dictionary<string, string> { ["ECOG"] = "2" });

        Assert.Equal("SEL01|ECOG=1|Region=Asia", stratum.Value);
        Assert.Equal(["stratificationFactors.ECOG", "stratificationFactors.Region"], missing.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Factors_round_trip_through_their_stored_text()
    {
        IReadOnlyList<StratificationFactor> factors = [new("ECOG", ["0", "1"]), new("Region", ["Asia", "Europe"])];

        var parsed = StratificationFactor.Parse(StratificationFactor.Format(factors));

        Assert.Equal(factors.Select(f => f.Name), parsed.Select(f => f.Name));
        Assert.Equal(factors.SelectMany(f => f.Levels), parsed.SelectMany(f => f.Levels));
    }
}
