using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Trials.Contracts.IntegrationEvents;
using Ctms.Trials.Domain;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.SeedDemo;

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
        Trial[] trials =
        [
            new(DemoIds.TrialOncology, DemoIds.TenantId, "HB-ONC-301",
                "A Phase 3 randomised trial of HB-101 versus standard chemotherapy in advanced gastric cancer", "phase-3", 120, now),
            new(DemoIds.TrialCardiology, DemoIds.TenantId, "HB-CV-201",
                "A Phase 2 dose-finding study of HB-220 in heart failure with preserved ejection fraction", "phase-2", 60, now),
        ];
        foreach (var trial in trials)
        {
            trial.Activate();
            db.Trials.Add(trial);
            db.AddIntegrationEvent(new TrialRegistered(trial.Id, trial.TenantId, trial.ProtocolNumber, trial.Title, trial.TargetEnrollment, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
