using Ctms.Shared.Audit;

namespace Ctms.Subjects.Domain.Randomization;

/// <summary>
/// How a trial randomizes: its stratification factors (each with its levels) and the block sizes to draw from.
/// Owned by Subjects; strata are the site plus one level of every factor. A trial without a scheme randomizes by
/// site only with <see cref="PermutedBlocks.DefaultMultipliers"/>.
/// </summary>
internal sealed class RandomizationScheme : IAuditable
{
    private RandomizationScheme() { }

    public RandomizationScheme(Guid trialId, IEnumerable<StratificationFactor> factors, IEnumerable<int> blockSizes)
    {
        TrialId = trialId;
        FactorsSpec = StratificationFactor.Format(factors);
        BlockSizes = [.. blockSizes];
    }

    public Guid TrialId { get; private set; }

    /// <summary>"ECOG=0,1;Region=Asia,Europe": stored as text so every provider keeps it the same way.</summary>
    public string FactorsSpec { get; private set; } = "";

    public IReadOnlyList<StratificationFactor> Factors => StratificationFactor.Parse(FactorsSpec);

    /// <summary>Block sizes to draw from, each a multiple of the arms' ratio sum (4 and 6 for 1:1).</summary>
    public List<int> BlockSizes { get; private set; } = [];
}

/// <summary>A stratification factor and its levels ("ECOG": "0", "1").</summary>
internal sealed record StratificationFactor(string Name, IReadOnlyList<string> Levels)
{
    public static string Format(IEnumerable<StratificationFactor> factors) =>
        string.Join(';', factors.Select(f => $"{f.Name}={string.Join(',', f.Levels)}"));

    public static IReadOnlyList<StratificationFactor> Parse(string spec) =>
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Select(p => new StratificationFactor(p[0], p.Length > 1 ? p[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []))
            .ToList();
}

/// <summary>
/// One position of the stored allocation sequence of a stratum. Generated a whole block at a time, assigned in order;
/// never shown to site staff. The concurrency token makes two subjects racing for the same slot conflict.
/// </summary>
internal sealed class AllocationSlot : IAuditable
{
    private AllocationSlot() { }

    public AllocationSlot(Guid trialId, string stratum, int block, int blockSize, int position, Guid armId, string armName)
    {
        Id = Guid.NewGuid();
        TrialId = trialId;
        Stratum = stratum;
        Block = block;
        BlockSize = blockSize;
        Position = position;
        ArmId = armId;
        ArmName = armName;
    }

    public Guid Id { get; private set; }
    public Guid TrialId { get; private set; }
    public string Stratum { get; private set; } = "";
    public int Block { get; private set; }
    public int BlockSize { get; private set; }
    public int Position { get; private set; }
    public Guid ArmId { get; private set; }
    public string ArmName { get; private set; } = "";
    public Guid? SubjectId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public int Version { get; private set; }

    public void Assign(Guid subjectId, DateTimeOffset at)
    {
        SubjectId = subjectId;
        AssignedAt = at;
        Version++;
    }
}
