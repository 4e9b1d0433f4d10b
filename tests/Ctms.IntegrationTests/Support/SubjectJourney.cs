using System.Net;
using System.Net.Http.Json;
using Ctms.Shared.Demo;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Support;

/// <summary>
/// The steps before enrollment through the API, so an enrollment test stays short: screen, consent on the site's
/// approved consent version today, and an eligibility checklist with every inclusion met and no exclusion.
/// </summary>
public static class SubjectJourney
{
    public sealed record Screened(Guid SubjectId, string SubjectNumber);

    public sealed record Enrolled(Guid SubjectId, string SubjectNumber);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<string> ScreenAsync(HttpClient client, Guid siteId)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/sites/{siteId}/subjects", new { screenedOn = Today });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Screened>())!.SubjectNumber;
    }

    /// <summary>Screened, consented and eligible: the subject number, ready for <see cref="EnrollAsync"/>.</summary>
    public static async Task<string> ReadyToEnrollAsync(CtmsAppFactory app, HttpClient client, Guid siteId)
    {
        var number = await ScreenAsync(client, siteId);
        var (consentVersionId, criteria) = await SiteTrialAsync(app, siteId);
        using (var consent = await client.PostAsJsonAsync($"/api/v1/sites/{siteId}/subjects/{number}/consents",
                   new { consentVersionId, signedOn = Today }))
        {
            Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync());
        }

        var answers = criteria.Inclusion.ToDictionary(c => c, _ => true);
        foreach (var exclusion in criteria.Exclusion)
        {
            answers[exclusion] = false;
        }

        using (var eligibility = await client.PostAsJsonAsync($"/api/v1/sites/{siteId}/subjects/{number}/eligibility", new { answers, assessedOn = Today }))
        {
            Assert.True(eligibility.IsSuccessStatusCode, await eligibility.Content.ReadAsStringAsync());
        }

        return number;
    }

    /// <summary>The same preparation without HTTP, through <see cref="ISiteDataEntry"/> as <paramref name="email"/> (for hosts without a test client).</summary>
    public static async Task<string> ReadyToEnrollInScopeAsync(CtmsAppFactory app, string email, Guid siteId)
    {
        var (consentVersionId, criteria) = await SiteTrialAsync(app, siteId);
        await using var scope = await app.UserScopeAsync(email);
        var entry = scope.ServiceProvider.GetRequiredService<ISiteDataEntry>();
        var number = (await entry.ScreenAsync(new ScreenSubjectEntry(siteId, Today, null))).SubjectNumber!;
        Assert.True((await entry.SignConsentAsync(new ConsentEntry(siteId, number, consentVersionId, Today))).Succeeded);
        var answers = criteria.Inclusion.ToDictionary(c => c, _ => true);
        foreach (var exclusion in criteria.Exclusion)
        {
            answers[exclusion] = false;
        }

        Assert.True((await entry.AssessEligibilityAsync(new EligibilityEntry(siteId, number, answers, Today))).Eligible);
        return number;
    }

    public static Task<HttpResponseMessage> PostEnrollmentAsync(HttpClient client, Guid siteId, string subjectNumber) =>
        client.PostAsJsonAsync($"/api/v1/sites/{siteId}/enrollments", new { subjectNumber });

    public static async Task<Enrolled> EnrollAsync(CtmsAppFactory app, HttpClient client, Guid siteId)
    {
        var number = await ReadyToEnrollAsync(app, client, siteId);
        using var response = await PostEnrollmentAsync(client, siteId, number);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Enrolled>())!;
    }

    private static async Task<(Guid ConsentVersionId, EligibilityCriteriaDto Criteria)> SiteTrialAsync(CtmsAppFactory app, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var site = (await scope.ServiceProvider.GetRequiredService<ISitesQueries>().GetAsync(siteId))!;
        var trials = scope.ServiceProvider.GetRequiredService<ITrialsQueries>();
        var version = (await trials.GetCurrentProtocolVersionAsync(site.TrialId))!;
        var consent = site.TrialId == DemoIds.TrialOncology ? DemoIds.ConsentOncologyV1English
            : site.TrialId == DemoIds.TrialCardiology ? DemoIds.ConsentCardiologyV1English
            : (await trials.ListConsentVersionsAsync(version.Id))[0].Id;
        return (consent, (await trials.GetCriteriaAsync(version.Id))!);
    }
}
