using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.SiteSync.Features.SyncStatus;

internal sealed record ReplaySiteMessage(Guid MessageId) : ICommand<bool>;

internal sealed class ReplaySiteMessageValidator : AbstractValidator<ReplaySiteMessage>
{
    public ReplaySiteMessageValidator() => RuleFor(c => c.MessageId).NotEqual(Guid.Empty).OverridePropertyName("messageId");
}

/// <summary>
/// Applies a parked, rejected or in-doubt site message again once its cause is corrected at the central (an approval
/// recorded, a predecessor entered by hand). Administrators for any site, coordinators for their own sites.
/// </summary>
internal sealed class ReplaySiteMessageHandler(
    SiteSyncDbContext db,
    SiteSyncSettings settings,
    SiteLocks locks,
    SiteMessageProcessor processor,
    SiteSyncSignal signal,
    ICurrentUser user) : ICommandHandler<ReplaySiteMessage, bool>
{
    public async Task<Result<bool>> HandleAsync(ReplaySiteMessage command, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var siteCode = await db.SiteMessages.Where(m => m.MessageId == command.MessageId).Select(m => m.SiteCode).SingleOrDefaultAsync(cancellationToken);
        var site = siteCode is null ? null : settings.ByCode(siteCode);
        if (site is null)
        {
            return Error.NotFound("The site message");
        }

        if (!user.IsInRole(CtmsRoles.Administrator) && !(user.IsInRole(CtmsRoles.Coordinator) && user.SiteIds.Contains(site.SiteId)))
        {
            return Error.Forbidden($"Only administrators and coordinators of site {site.Code} replay its messages.");
        }

        string? refusal;
        using (await locks.AcquireAsync(site.Code, cancellationToken))
        {
            refusal = await processor.ReplayAsync(site, command.MessageId, cancellationToken);
        }

        signal.Wake();
        return refusal is null ? true : Error.Conflict(refusal);
    }
}
