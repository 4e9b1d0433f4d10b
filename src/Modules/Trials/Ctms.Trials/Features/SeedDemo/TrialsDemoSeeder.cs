using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Trials.Contracts.IntegrationEvents;
using Ctms.Trials.Domain;
using Ctms.Trials.Domain.Schedule;
using Ctms.Trials.Features.ProtocolVersions;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.SeedDemo;

/// <summary>Two active demo trials, each with a submitted protocol 1.0: a five-visit schedule, criteria and an English and a Korean consent 1.0.</summary>
internal sealed class TrialsDemoSeeder(TrialsDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Trials.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var oncology = new Trial(DemoIds.TrialOncology, DemoIds.TenantId, "HB-ONC-301",
            "A Phase 3 randomised trial of HB-101 versus standard chemotherapy in advanced gastric cancer", "phase-3", 120, now);
        oncology.Describe(oncology.ProtocolNumber, null, oncology.Title, oncology.Phase, "Oncology (gastric cancer)", 120, DayCounting.Day1, 24, false,
            [("HB-101 + chemotherapy", "experimental", 1), ("Placebo + chemotherapy", "placebo-comparator", 1)]);
        var cardiology = new Trial(DemoIds.TrialCardiology, DemoIds.TenantId, "HB-CV-201",
            "A Phase 2 dose-finding study of HB-220 in heart failure with preserved ejection fraction", "phase-2", 60, now);
        cardiology.Describe(cardiology.ProtocolNumber, null, cardiology.Title, cardiology.Phase, "Cardiology (HFpEF)", 60, DayCounting.Day1, 24, false,
            [("HB-220 low dose", "experimental", 1), ("HB-220 high dose", "experimental", 1), ("Placebo", "placebo-comparator", 1)]);

        (Trial Trial, Guid VersionId, Guid English, Guid Korean, string[] Inclusion, string[] Exclusion)[] seeds =
        [
            (oncology, DemoIds.ProtocolOncologyV1, DemoIds.ConsentOncologyV1English, DemoIds.ConsentOncologyV1Korean,
                ["Age 19 years or older", "Histologically confirmed advanced gastric adenocarcinoma", "ECOG performance status 0 or 1", "Adequate organ function"],
                ["Prior systemic therapy for advanced disease", "Known brain metastases", "Pregnant or breast-feeding"]),
            (cardiology, DemoIds.ProtocolCardiologyV1, DemoIds.ConsentCardiologyV1English, DemoIds.ConsentCardiologyV1Korean,
                ["Age 40 years or older", "Heart failure with LVEF of 50% or more", "NT-proBNP of 300 pg/mL or more"],
                ["Acute decompensated heart failure within 4 weeks", "eGFR below 30 mL/min/1.73 m²"]),
        ];
        foreach (var (trial, versionId, english, korean, inclusion, exclusion) in seeds)
        {
            trial.Activate();
            db.Trials.Add(trial);
            db.AddIntegrationEvent(new TrialRegistered(trial.Id, trial.TenantId, trial.ProtocolNumber, trial.Title, trial.TargetEnrollment, now), now);

            var version = new ProtocolVersion(versionId, trial.Id, 1, now);
            var errors = version.ReplaceSchedule(DemoSchedule.Procedures, DemoSchedule.Visits, trial.DayCountingConvention);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The demo schedule is not valid: {string.Join(" ", errors.Select(e => e.Message))}");
            }

            version.ReplaceCriteria(inclusion, exclusion);
            version.ConsentVersions.Add(new ConsentVersion(english, version.Id, "Participant information and consent form", "1.0", "en", null, null));
            version.ConsentVersions.Add(new ConsentVersion(korean, version.Id, "Participant information and consent form", "1.0", "ko", null, null));
            version.Submit(now);
            db.ProtocolVersions.Add(version);
            ProtocolVersionHandlers.AddSubmittedEvents(db, trial, version, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A realistic five-visit schedule: screening, baseline, weeks 2 and 4, end of treatment at week 12.</summary>
internal static class DemoSchedule
{
    public static readonly IReadOnlyList<string> Procedures =
        ["Informed consent", "Eligibility review", "Physical examination", "Vital signs", "Laboratory tests", "ECG", "Randomisation", "Adverse events", "Drug dispensing"];

    public static readonly IReadOnlyList<VisitSpec> Visits =
    [
        // Day -28 … Day -1 before baseline.
        new("Screening", VisitType.Scheduled, VisitAnchor.Baseline, null, -1, 27, 0,
            ["Informed consent", "Eligibility review", "Physical examination", "Vital signs", "Laboratory tests", "ECG"]),
        new("Baseline", VisitType.Scheduled, VisitAnchor.Baseline, null, 1, 0, 0,
            ["Eligibility review", "Vital signs", "Randomisation", "Drug dispensing"]),
        new("Week 2", VisitType.Scheduled, VisitAnchor.Baseline, null, 15, 3, 3, ["Vital signs", "Laboratory tests", "Adverse events"]),
        new("Week 4", VisitType.Scheduled, VisitAnchor.Baseline, null, 29, 3, 3, ["Vital signs", "Laboratory tests", "Adverse events", "Drug dispensing"]),
        new("End of treatment", VisitType.Scheduled, VisitAnchor.Baseline, null, 85, 7, 7,
            ["Physical examination", "Vital signs", "Laboratory tests", "ECG", "Adverse events"]),
    ];
}
