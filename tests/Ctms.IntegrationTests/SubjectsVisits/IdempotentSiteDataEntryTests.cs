using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SubjectsVisits;

/// <summary><see cref="ISiteDataEntry"/> with an idempotency key: a repeat returns the first outcome and writes nothing.</summary>
[Trait("Category", "SiteSync")]
public sealed class IdempotentSiteDataEntryTests
{
    private static readonly Guid Site = DemoIds.SiteOncologySeoul;

    [Fact]
    public async Task A_repeated_key_returns_the_first_outcome_even_when_the_entry_would_now_be_refused_or_differ()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await using var scope = await app.UserScopeAsync("coordinator@demo.ctms");
        var entry = scope.ServiceProvider.GetRequiredService<ISiteDataEntry>();
        var today = SubjectJourney.Today;

        var key = Guid.NewGuid();
        var first = await entry.ScreenAsync(new ScreenSubjectEntry(Site, today, null) { IdempotencyKey = key });
        var second = await entry.ScreenAsync(new ScreenSubjectEntry(Site, today, null) { IdempotencyKey = key });
        Assert.True(first.Succeeded);
        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal((first.SubjectId, first.SubjectNumber), (second.SubjectId, second.SubjectNumber));

        // Without a key every call is a new fact.
        var unkeyed = await entry.ScreenAsync(new ScreenSubjectEntry(Site, today, null));
        Assert.NotEqual(first.SubjectNumber, unkeyed.SubjectNumber);

        // A refusal is an outcome too: the repeat of a refused deviation stays refused, and nothing was written.
        var refusedKey = Guid.NewGuid();
        var refused = await entry.ReportDeviationAsync(new DeviationEntry(Site, null, "procedure", "catastrophic", "bad severity", today, today)
            { IdempotencyKey = refusedKey });
        var refusedAgain = await entry.ReportDeviationAsync(new DeviationEntry(Site, null, "procedure", "minor", "now valid", today, today)
            { IdempotencyKey = refusedKey });
        Assert.False(refused.Succeeded);
        Assert.False(refusedAgain.Succeeded);
        Assert.True(refusedAgain.Repeated);
        Assert.Equal(refused.Errors.Select(e => (e.Code, e.Field)), refusedAgain.Errors.Select(e => (e.Code, e.Field)));

        // A key is one fact: reused for another kind of entry it is refused, naming the reuse.
        var reused = await entry.ReportDeviationAsync(new DeviationEntry(Site, null, "procedure", "minor", "reused key", today, today) { IdempotencyKey = key });
        Assert.Equal("idempotency-key-reused", Assert.Single(reused.Errors).Code);

        var db = scope.ServiceProvider.GetRequiredService<SubjectsDbContext>();
        Assert.Equal(2, await db.Subjects.CountAsync(s => s.SiteId == Site));
        Assert.Empty(await db.Deviations.Where(d => d.SiteId == Site).ToListAsync());
        Assert.Equal(2, await db.EntryReceipts.CountAsync());
    }
}
