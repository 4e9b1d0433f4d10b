using Ctms.Reporting.Domain;
using Ctms.Reporting.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ctms.UnitTests.Reporting;

/// <summary>The lease protocol of the export job store, on SQLite with a controlled clock.</summary>
[Trait("Category", "Reporting")]
public sealed class ExportJobLeaseTests : IDisposable
{
    private static readonly ExportSettings Settings = new(true, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromHours(24), 3);
    private readonly ReadModelHarness _model = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _model.Dispose();

    private async Task<T> WithLeasesAsync<T>(Func<ExportJobLeases, Task<T>> act)
    {
        await using var db = _model.NewContext();
        return await act(new ExportJobLeases(db, _clock, Settings));
    }

    private async Task<Guid> QueueAsync()
    {
        await using var db = _model.NewContext();
        var job = new ExportJob(Guid.NewGuid(), "fhir", "user-1", "tenant-1", _clock.GetUtcNow());
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private Task<ExportJob> JobAsync(Guid id) => _model.QueryAsync(db => db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    [Fact]
    public async Task A_job_is_claimed_once_until_its_lease_runs_out_then_by_the_next_instance()
    {
        var id = await QueueAsync();

        Assert.True(await WithLeasesAsync(l => l.TryClaimAsync(id, "a", default)));
        Assert.False(await WithLeasesAsync(l => l.TryClaimAsync(id, "b", default)));
        Assert.Empty(await WithLeasesAsync(l => l.ClaimableAsync(default)));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await WithLeasesAsync(l => l.RenewAsync(id, "a", 0.5, default)));
        Assert.False(await WithLeasesAsync(l => l.RenewAsync(id, "b", 0.9, default)));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await WithLeasesAsync(l => l.TryClaimAsync(id, "b", default)));

        // "a" died: its lease runs out and "b" takes the job over; "a" can no longer write to it.
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { id }, await WithLeasesAsync(l => l.ClaimableAsync(default)));
        Assert.True(await WithLeasesAsync(l => l.TryClaimAsync(id, "b", default)));
        Assert.False(await WithLeasesAsync(l => l.CompleteAsync(id, "a", [1, 2, 3], "late.json", "application/json", default)));
        Assert.True(await WithLeasesAsync(l => l.CompleteAsync(id, "b", [4, 5], "export.json", "application/fhir+json", default)));

        var job = await JobAsync(id);
        Assert.Equal((ExportJob.Done, 2, "b", 1.0, "export.json", 2L), (job.Status, job.Attempts, job.LeaseOwner, job.Progress, job.FileName, job.SizeBytes));
        Assert.Equal(_clock.GetUtcNow().AddHours(24), job.ExpiresAt);
        Assert.Equal(new byte[] { 4, 5 }, await _model.QueryAsync(db => db.ExportFiles.Where(f => f.JobId == id).Select(f => f.Content).SingleAsync()));
    }

    [Fact]
    public async Task A_job_interrupted_too_often_fails_and_expired_jobs_are_deleted_with_their_files()
    {
        var crashing = await QueueAsync();
        var finished = await QueueAsync();
        Assert.True(await WithLeasesAsync(l => l.TryClaimAsync(finished, "a", default)));
        Assert.True(await WithLeasesAsync(l => l.CompleteAsync(finished, "a", [9], "f.xml", "application/xml", default)));
        foreach (var owner in new[] { "a", "b", "c" })
        {
            Assert.True(await WithLeasesAsync(l => l.TryClaimAsync(crashing, owner, default)));
            _clock.Advance(TimeSpan.FromSeconds(61));
        }

        Assert.False(await WithLeasesAsync(l => l.TryClaimAsync(crashing, "d", default)));
        await WithLeasesAsync(l => l.SweepAsync(default));
        var failed = await JobAsync(crashing);
        Assert.Equal((ExportJob.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Contains("interrupted 3 times", failed.Error, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(2, await WithLeasesAsync(l => l.SweepAsync(default)));
        Assert.Equal(0, await _model.QueryAsync(db => db.ExportJobs.CountAsync()));
        Assert.Equal(0, await _model.QueryAsync(db => db.ExportFiles.CountAsync()));
    }
}
