using System.Net;
using System.Net.Http.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Irb.Domain;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Domain;
using Ctms.Trials.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SubjectsVisits;

/// <summary>A new consent version approved for the site flags every active subject on the older one until they sign it.</summary>
[Trait("Category", "SubjectsVisits")]
public sealed class ReconsentTests
{
    private static readonly Guid Site = DemoIds.SiteOncologySeoul;

    [Fact]
    public async Task A_newly_approved_consent_version_flags_active_subjects_blocks_enrollment_and_signing_it_clears_the_flag()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        var enrolled = await SubjectJourney.EnrollAsync(app, coordinator, Site);
        var ready = await SubjectJourney.ReadyToEnrollAsync(app, coordinator, Site);
        var withdrawn = await SubjectJourney.ScreenAsync(coordinator, Site);
        using (var w = await coordinator.PostAsJsonAsync($"/api/v1/sites/{Site}/subjects/{withdrawn}/withdrawal", new { reason = "Declined", withdrawnOn = SubjectJourney.Today }))
        {
            Assert.True(w.IsSuccessStatusCode, await w.Content.ReadAsStringAsync());
        }

        var v2 = await ApproveConsentVersion2Async(app);
        await app.Services.GetRequiredService<IBus>().Publish(new IrbApprovalGranted(Guid.NewGuid(), DemoIds.IrbSeoul, [DemoIds.InstitutionSeoul],
            DemoIds.TrialOncology, DemoIds.ProtocolOncologyV1, false, SubjectJourney.Today, SubjectJourney.Today.AddYears(1), DateTimeOffset.UtcNow)
        {
            ConsentVersionIds = [v2],
        });

        var flagged = await Eventually.Until(() => FlaggedAsync(app), f => f.Count == 2, "both active subjects to be flagged");
        Assert.Equal(new[] { enrolled.SubjectNumber, ready }.Order(), flagged.Order());

        using (var refused = await SubjectJourney.PostEnrollmentAsync(coordinator, Site, ready))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("must first sign Participant information and consent form 2.0 (en)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var signed = await coordinator.PostAsJsonAsync($"/api/v1/sites/{Site}/subjects/{ready}/consents", new { consentVersionId = v2, signedOn = SubjectJourney.Today }))
        {
            Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
            Assert.Contains("\"reconsent\":true", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal([enrolled.SubjectNumber], await FlaggedAsync(app));
        using (var now = await SubjectJourney.PostEnrollmentAsync(coordinator, Site, ready))
        {
            Assert.Equal(HttpStatusCode.Created, now.StatusCode);
        }
    }

    private static async Task<List<string>> FlaggedAsync(CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Subjects.AsNoTracking()
            .Where(s => s.ReconsentVersionId != null).Select(s => s.SubjectNumber).ToListAsync();
    }

    /// <summary>Consent form 2.0 (English) of protocol 1.0, approved by the Seoul IRB for Seoul today (as its signed decision would record).</summary>
    private static async Task<Guid> ApproveConsentVersion2Async(CtmsAppFactory app)
    {
        var id = Guid.NewGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var trials = scope.ServiceProvider.GetRequiredService<TrialsDbContext>();
        trials.Set<ConsentVersion>().Add(new ConsentVersion(id, DemoIds.ProtocolOncologyV1, "Participant information and consent form", "2.0", "en", null, null));
        await trials.SaveChangesAsync();

        var irb = scope.ServiceProvider.GetRequiredService<IrbDbContext>();
        var now = DateTimeOffset.UtcNow;
        var submission = new Submission(DemoIds.IrbSeoul, DemoIds.TrialOncology, "HB-ONC-301", DemoIds.ProtocolOncologyV1, "1.0", SubmissionTypes.Amendment,
            RiskLevels.GreaterThanMinimal, now, [new SubmissionDocument("consent", id, "Participant information and consent form", "2.0", "en")]);
        irb.Submissions.Add(submission);
        irb.Approvals.Add(new Approval(DemoIds.IrbSeoul, "Seoul IRB", DemoIds.IrbSeoul, false, submission.Id, DemoIds.TrialOncology, DemoIds.ProtocolOncologyV1,
            [DemoIds.InstitutionSeoul], SubjectJourney.Today, SubjectJourney.Today.AddYears(1)));
        await irb.SaveChangesAsync();
        return id;
    }
}
