using System.Security.Cryptography;
using Ctms.Shared.Results;

namespace Ctms.Subjects.Domain.Randomization;

internal sealed record ArmShare(Guid Id, string Name, int Ratio);

/// <summary>
/// Stratified permuted blocks (DOMAIN "Randomization"): each block holds every arm exactly ratio × k times in a random
/// order, and the block size itself is drawn at random from the configured set so a site cannot deduce the next arm
/// from its position in a block. Randomness comes from a cryptographic RNG unless a test passes its own.
/// </summary>
internal static class PermutedBlocks
{
    /// <summary>Block sizes as multiples of the ratio sum when a trial configures none (4 and 6 for 1:1).</summary>
    public static readonly IReadOnlyList<int> DefaultMultipliers = [2, 3];

    public static IReadOnlyList<int> DefaultBlockSizes(IReadOnlyList<ArmShare> arms) =>
        DefaultMultipliers.Select(m => m * arms.Sum(a => a.Ratio)).ToList();

    /// <summary>The block sizes usable for these arms: multiples of the ratio sum; the defaults when none fit.</summary>
    public static IReadOnlyList<int> UsableSizes(IReadOnlyList<ArmShare> arms, IReadOnlyList<int> configured)
    {
        var sum = arms.Sum(a => a.Ratio);
        var usable = configured.Where(s => s > 0 && s % sum == 0).Distinct().Order().ToList();
        return usable.Count > 0 ? usable : DefaultBlockSizes(arms);
    }

    public static IReadOnlyList<ArmShare> NewBlock(IReadOnlyList<ArmShare> arms, IReadOnlyList<int> blockSizes, Func<int, int>? nextInt = null)
    {
        nextInt ??= RandomNumberGenerator.GetInt32;
        var sizes = UsableSizes(arms, blockSizes);
        var size = sizes[nextInt(sizes.Count)];
        var multiplier = size / arms.Sum(a => a.Ratio);
        var block = arms.SelectMany(a => Enumerable.Repeat(a, a.Ratio * multiplier)).ToArray();

        // Fisher–Yates: every ordering of the block is equally likely.
        for (var i = block.Length - 1; i > 0; i--)
        {
            var j = nextInt(i + 1);
            (block[i], block[j]) = (block[j], block[i]);
        }

        return block;
    }

    /// <summary>"SEL01|ECOG=1": the site code, then every factor's level in the scheme's order.</summary>
    public static Result<string> Stratum(string siteCode, IReadOnlyList<StratificationFactor> factors, IReadOnlyDictionary<string, string> entered)
    {
        var errors = new List<Error>();
        var parts = new List<string> { siteCode };
        foreach (var factor in factors)
        {
            var level = entered.FirstOrDefault(e => string.Equals(e.Key, factor.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (string.IsNullOrWhiteSpace(level))
            {
                errors.Add(Error.Validation($"stratificationFactors.{factor.Name}", $"Enter {factor.Name} ({string.Join(", ", factor.Levels)}) before randomizing."));
            }
            else if (!factor.Levels.Contains(level.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(Error.Validation($"stratificationFactors.{factor.Name}", $"{factor.Name} must be one of {string.Join(", ", factor.Levels)}."));
            }
            else
            {
                parts.Add($"{factor.Name}={factor.Levels.First(l => string.Equals(l, level.Trim(), StringComparison.OrdinalIgnoreCase))}");
            }
        }

        return errors.Count > 0 ? Result<string>.FromErrors(errors) : string.Join('|', parts);
    }
}
