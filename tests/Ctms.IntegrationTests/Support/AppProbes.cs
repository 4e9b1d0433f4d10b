using Ctms.Reporting.Contracts;
using Ctms.Shared.Messaging;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Support;

/// <summary>Reads straight from a running host's modules, to check effects the UI and API would show.</summary>
public static class AppProbes
{
    public static async Task<int> ReportedEnrolledAsync(this CtmsAppFactory app, Guid trialId, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<IReportingQueries>().SiteEnrollmentAsync(trialId);
        return counts.SingleOrDefault(c => c.SiteId == siteId)?.Enrolled ?? 0;
    }

    internal static async Task<List<OutboxMessage>> SubjectsOutboxAsync(this CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    internal static async Task<int> SubjectsAtSiteAsync(this CtmsAppFactory app, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Subjects.CountAsync(s => s.SiteId == siteId);
    }

    internal static async Task<int> EnrolledAtSiteAsync(this CtmsAppFactory app, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Subjects.CountAsync(s => s.SiteId == siteId && s.EnrolledAt != null);
    }

    internal static async Task<int> SiteCounterEnrolledAsync(this CtmsAppFactory app, Guid siteId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().SiteCounters.Where(c => c.SiteId == siteId).Select(c => c.Enrolled).SingleAsync();
    }
}
