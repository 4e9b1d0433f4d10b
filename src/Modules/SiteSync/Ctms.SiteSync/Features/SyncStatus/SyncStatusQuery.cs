using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.SiteSync.Domain;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.SiteSync.Features.SyncStatus;

internal sealed record SyncStatusQuery : IQuery<IReadOnlyList<SiteSyncStatus>>;

/// <param name="Lag">Between the site recording its latest message and the central receiving it.</param>
internal sealed record SiteSyncStatus(
    string SiteCode,
    Guid SiteId,
    DateTimeOffset? LastReceivedAt,
    TimeSpan? Lag,
    int Accepted,
    int Rejected,
    int Parked,
    int InDoubt,
    int AnswersWaiting,
    IReadOnlyList<SiteMessageRow> NeedsAttention);

internal sealed record SiteMessageRow(
    Guid MessageId, string? Type, string? SubjectNumber, int? Sequence, string Status, DateTimeOffset ReceivedAt, string? Reasons, bool CanReplay);

/// <summary>
/// The sync status page's data: per connected site, the last message, lag, counts and the messages that need a person
/// (rejected, parked, in doubt). Administrators see every site; coordinators only theirs.
/// </summary>
internal sealed class SyncStatusHandler(SiteSyncDbContext db, SiteSyncSettings settings, ICurrentUser user) : IQueryHandler<SyncStatusQuery, IReadOnlyList<SiteSyncStatus>>
{
    public async Task<Result<IReadOnlyList<SiteSyncStatus>>> HandleAsync(SyncStatusQuery query, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(CtmsRoles.Administrator) && !user.IsInRole(CtmsRoles.Coordinator))
        {
            return Error.Forbidden("Only administrators and coordinators see the sync status.");
        }

        db.ChangeTracker.Clear();
        var visible = settings.Sites.Where(s => user.IsInRole(CtmsRoles.Administrator) || user.SiteIds.Contains(s.SiteId)).ToList();
        var result = new List<SiteSyncStatus>();
        foreach (var site in visible)
        {
            var counts = await db.SiteMessages.AsNoTracking().Where(m => m.SiteCode == site.Code)
                .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var latest = await db.SiteMessages.AsNoTracking().Where(m => m.SiteCode == site.Code)
                .OrderByDescending(m => m.ReceivedAt).Select(m => new { m.ReceivedAt, m.SentAt }).FirstOrDefaultAsync(cancellationToken);
            var attention = await db.SiteMessages.AsNoTracking()
                .Where(m => m.SiteCode == site.Code &&
                            (m.Status == SiteMessageStatus.Rejected || m.Status == SiteMessageStatus.Parked || m.Status == SiteMessageStatus.InDoubt))
                .OrderByDescending(m => m.ReceivedAt).Take(100)
                .Select(m => new SiteMessageRow(m.MessageId, m.Type, m.SubjectNumber, m.Sequence, m.Status, m.ReceivedAt, m.ReasonsJson, m.Type != null))
                .ToListAsync(cancellationToken);
            var waiting = await db.OutboundMessages.CountAsync(m => m.SiteCode == site.Code && m.SentAt == null, cancellationToken);
            int Count(string status) => counts.SingleOrDefault(c => c.Status == status)?.Count ?? 0;
            result.Add(new SiteSyncStatus(site.Code, site.SiteId, latest?.ReceivedAt,
                latest?.SentAt is { } sent ? latest.ReceivedAt - sent : null,
                Count(SiteMessageStatus.Accepted), Count(SiteMessageStatus.Rejected), Count(SiteMessageStatus.Parked),
                Count(SiteMessageStatus.InDoubt), waiting, attention));
        }

        return result;
    }
}
