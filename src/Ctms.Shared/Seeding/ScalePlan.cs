using Bogus;

namespace Ctms.Shared.Seeding;

/// <summary>
/// A deterministic, plausible multi-trial data set of a <see cref="ScaleTier"/>, dated relative to <c>today</c>: the same
/// tier always gives the same ids, names and shape. Trials, institutions, sites and approvals are built at once (a few
/// hundred rows); subjects are generated per site on demand (<see cref="SubjectsOf"/>) from a seed of the site, so each
/// module can stream them without holding a million visits in memory.
/// </summary>
public sealed class ScalePlan
{
    public const string TenantId = Demo.DemoIds.TenantId;
    public const string Actor = "scale-seeder";
    public const int SaeReportingHours = 24;

    public ScalePlan(ScaleTier tier, DateOnly today)
    {
        Tier = tier;
        Today = today;
        Schedule = ScaleVocabulary.BuildSchedule();
        Institutions = BuildInstitutions();
        Trials = Enumerable.Range(0, tier.Trials).Select(BuildTrial).ToList();
    }

    public ScaleTier Tier { get; }
    public DateOnly Today { get; }
    public IReadOnlyList<PlannedVisitDefinition> Schedule { get; }
    public IReadOnlyList<PlannedInstitution> Institutions { get; }
    public IReadOnlyList<PlannedTrial> Trials { get; }

    public IEnumerable<PlannedSite> Sites => Trials.SelectMany(t => t.Sites);

    private Random RandomFor(int part, int index) => new(Seed(part, index));

    // HashCode.Combine is randomised per process; the plan must not be.
    private int Seed(int part, int index) => unchecked((Tier.Code * 73856093) ^ (part * 19349663) ^ (index * 83492791)) & int.MaxValue;

    private static DateTimeOffset At(DateOnly day, int minutes) => new(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes), TimeSpan.Zero);

    private List<PlannedInstitution> BuildInstitutions()
    {
        var faker = new Faker("en") { Random = new Randomizer(Tier.Code * 7919) };
        return Enumerable.Range(0, Tier.Institutions).Select(i =>
        {
            var name = $"{faker.Address.City()} {faker.PickRandom(ScaleVocabulary.InstitutionKinds)}";
            var country = faker.Random.WeightedRandom(ScaleVocabulary.Countries, ScaleVocabulary.CountryWeights);
            return new PlannedInstitution(i, ScaleIds.For(Tier, ScaleIds.Institution, i), name, country,
                ScaleIds.For(Tier, ScaleIds.Irb, i), $"{name} IRB");
        }).ToList();
    }

    private PlannedTrial BuildTrial(int index)
    {
        var random = RandomFor(1, index);
        var faker = new Faker("en") { Random = new Randomizer(Seed(11, index)) };
        var (area, condition, inclusion, exclusion) = ScaleVocabulary.Areas[index % ScaleVocabulary.Areas.Count];
        var phase = ScaleVocabulary.Phases[random.Next(ScaleVocabulary.Phases.Count)];
        var armCount = random.Next(2, 4);
        var arms = Enumerable.Range(0, armCount).Select(a => new PlannedArm(ScaleIds.For(Tier, ScaleIds.Arm, index * 8L + a), a + 1,
            a == armCount - 1 ? "Placebo" : armCount == 2 ? $"SC-{100 + index} 10 mg" : $"SC-{100 + index} {(a + 1) * 10} mg",
            a == armCount - 1 ? "placebo-comparator" : "experimental")).ToList();
        var start = Today.AddDays(-(420 + random.Next(500)));
        var trialId = ScaleIds.For(Tier, ScaleIds.Trial, index);
        var versionId = ScaleIds.For(Tier, ScaleIds.ProtocolVersion, index);

        // Institutions are spread so that each trial uses distinct ones and neighbouring trials overlap.
        var sites = new List<PlannedSite>();
        for (var s = 0; s < Tier.SitesPerTrial; s++)
        {
            var institution = Institutions[(index * 7 + s * (Tier.Institutions / Tier.SitesPerTrial)) % Tier.Institutions];
            sites.Add(BuildSite(index, s, trialId, institution, start, faker));
        }

        sites = Distribute(sites, random);
        var irbOfRecord = sites[0].Institution.IrbId;
        var approvals = sites.Select(site => BuildApproval(index, site, trialId, versionId, irbOfRecord, random)).OfType<PlannedApproval>().ToList();
        var expectedEnrolled = (int)Math.Round(Tier.SitesPerTrial * Tier.SubjectsPerSite * 0.75 * 1.15);
        return new PlannedTrial(index, trialId, $"SC{Tier.Name}-{index + 1:D3}",
            $"A {phase.Replace("phase-", "Phase ", StringComparison.Ordinal)} randomised study of SC-{100 + index} in {condition}",
            phase, area, expectedEnrolled, SaeReportingHours, At(start.AddDays(-200), 540), versionId,
            ScaleIds.For(Tier, ScaleIds.ConsentVersion, index), "Participant information and consent form 1.0 (en)", arms, inclusion, exclusion, irbOfRecord)
        {
            Sites = sites,
            Approvals = approvals,
        };
    }

    private PlannedSite BuildSite(int trial, int index, Guid trialId, PlannedInstitution institution, DateOnly trialStart, Faker faker)
    {
        var random = RandomFor(2, trial * 1000 + index);
        var roll = random.NextDouble();
        var status = index == 0 ? "active" : roll < 0.08 ? "pending" : roll < 0.14 ? "on-hold" : roll < 0.20 ? "closed-to-accrual" : "active";
        var activated = status == "pending" ? Today.AddDays(random.Next(10, 90)) : trialStart.AddDays(index == 0 ? 0 : random.Next(0, 120));
        // Milestones counted back from activation: SIV, IRB approval, contract, feasibility, selection.
        int[] gaps = [0, random.Next(3, 11), random.Next(7, 31), random.Next(10, 41), random.Next(14, 46), random.Next(7, 31)];
        var dates = new DateOnly[6];
        var day = activated;
        for (var k = 0; k < 6; k++)
        {
            day = day.AddDays(-gaps[k]);
            dates[5 - k] = day;
        }

        var milestones = ScaleVocabulary.Milestones.Select((kind, k) => new PlannedMilestone(
            ScaleIds.For(Tier, ScaleIds.Milestone, (trial * 1000L + index) * 8 + k), k + 1, kind,
            dates[k].AddDays(random.Next(-5, 6)), dates[k] <= Today ? dates[k] : null)).ToList();
        var code = $"S{institution.Index + 1:D4}";
        var siteId = ScaleIds.For(Tier, ScaleIds.Site, trial * 1000L + index);
        var statusAt = At(status == "pending" ? dates[0] : activated.AddDays(status == "active" ? 0 : Math.Max(1, Today.DayNumber - activated.DayNumber) / 2), 600);
        return new PlannedSite(index, siteId, trialId, institution, code, $"Dr. {faker.Name.FullName()}", status, statusAt, 0,
            status == "pending" ? null : At(activated, 540), milestones)
        {
            GlobalIndex = trial * Tier.SitesPerTrial + index,
        };
    }

    /// <summary>The trial's subjects go to the sites ever activated, unevenly (some sites recruit three times as fast as others).</summary>
    private List<PlannedSite> Distribute(List<PlannedSite> sites, Random random)
    {
        var recruiting = sites.Where(s => s.ActivatedAt is not null).ToList();
        var weights = recruiting.Select(_ => 0.5 + random.NextDouble() * 1.5).ToList();
        var total = Tier.SitesPerTrial * Tier.SubjectsPerSite;
        var counts = weights.Select(w => (int)(total * w / weights.Sum())).ToList();
        counts[0] += total - counts.Sum();
        return sites.Select(s =>
        {
            var k = recruiting.IndexOf(s);
            var subjects = k < 0 ? 0 : counts[k];
            // Targets are caps: above what the site enrolled, by 0–30%.
            var target = Math.Max(5, (int)Math.Ceiling(subjects * 0.75 * (1.1 + random.NextDouble() * 0.3)));
            return s with { Subjects = subjects, TargetEnrollment = target };
        }).ToList();
    }

    /// <summary>
    /// The approval in force at the site's institution: the first one dated at the IRB-approval milestone, renewed each
    /// year by continuing review; some expire soon and about 4% lapsed because the last continuing review did not come in
    /// time. About a third of the institutions rely on the trial's IRB of record (a recognised approval).
    /// </summary>
    private PlannedApproval? BuildApproval(int trial, PlannedSite site, Guid trialId, Guid versionId, Guid irbOfRecord, Random random)
    {
        if (site.Milestones[3].Actual is not { } first)
        {
            return null;
        }

        var approvedOn = first;
        while (approvedOn.AddYears(1) <= Today)
        {
            approvedOn = approvedOn.AddYears(1);
        }

        // Continuing reviews are approved some weeks before the anniversary, so expiries spread over the year; about 12%
        // fall due within the next 60 days and 4% have lapsed.
        var roll = random.NextDouble();
        var lapsed = roll < 0.04 && Today.AddDays(-395) >= first;
        if (lapsed)
        {
            approvedOn = Today.AddDays(-random.Next(366, 395));
        }
        else if (roll < 0.16 && Today.AddDays(-340) >= first)
        {
            approvedOn = Today.AddDays(-random.Next(305, 365));
        }
        else if (approvedOn > first && approvedOn.AddDays(-random.Next(0, 45)) is var early && early.AddYears(1).AddDays(-1) >= Today)
        {
            approvedOn = early;
        }

        var expiresOn = approvedOn.AddYears(1).AddDays(-1);
        var recognised = site.Institution.IrbId != irbOfRecord && random.NextDouble() < 0.35;
        return new PlannedApproval(ScaleIds.For(Tier, ScaleIds.Approval, trial * 1000L + site.Index), ScaleIds.For(Tier, ScaleIds.Decision, trial * 1000L + site.Index),
            trialId, versionId, site.Institution.IrbId, site.Institution.IrbName, recognised ? irbOfRecord : site.Institution.IrbId, recognised,
            site.Institution.Id, approvedOn, expiresOn, lapsed ? expiresOn.AddDays(1) : null,
            lapsed ? "Continuing review was not approved before the approval period ended." : null);
    }

    /// <summary>The site's subjects in screening order, generated afresh (and identically) on every call.</summary>
    public IEnumerable<PlannedSubject> SubjectsOf(PlannedTrial trial, PlannedSite site)
    {
        if (site.Subjects == 0 || site.ActivatedOn is not { } activated)
        {
            yield break;
        }

        var random = RandomFor(3, site.GlobalIndex);
        var faker = new Faker("en") { Random = new Randomizer(Seed(13, site.GlobalIndex)) };
        var lastScreening = Today.AddDays(-3);
        var recruitmentEnd = site.Status == "closed-to-accrual"
            ? activated.AddDays(Math.Max(1, (lastScreening.DayNumber - activated.DayNumber) * 6 / 10))
            : lastScreening;
        var span = Math.Max(1, recruitmentEnd.DayNumber - activated.DayNumber);
        var days = Enumerable.Range(0, site.Subjects).Select(_ => activated.AddDays(random.Next(span))).Order().ToList();
        for (var i = 0; i < site.Subjects; i++)
        {
            var subjectIndex = (long)site.GlobalIndex * 100_000 + i;
            yield return new SubjectStory(this, trial, site, random, faker, subjectIndex, i + 1, days[i]).Build();
        }
    }
}
