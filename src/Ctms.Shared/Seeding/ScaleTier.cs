namespace Ctms.Shared.Seeding;

/// <summary>
/// The size of a generated data set. Visits follow from the schedule (28 visits per enrolled subject, about 72% of the
/// screened enroll): tier S ≈ 200,000 visits, tier M ≈ 1,000,000.
/// </summary>
public sealed record ScaleTier(string Name, byte Code, int Trials, int SitesPerTrial, int SubjectsPerSite, int Institutions)
{
    public static readonly ScaleTier XS = new("XS", 1, 2, 3, 20, 4);
    public static readonly ScaleTier S = new("S", 2, 5, 10, 200, 30);
    public static readonly ScaleTier M = new("M", 3, 50, 10, 100, 120);

    public static IReadOnlyList<ScaleTier> All { get; } = [XS, S, M];

    public int Sites => Trials * SitesPerTrial;

    public int Subjects => Sites * SubjectsPerSite;

    /// <summary>The tier of that name (case-insensitive), or null.</summary>
    public static ScaleTier? Find(string? name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
