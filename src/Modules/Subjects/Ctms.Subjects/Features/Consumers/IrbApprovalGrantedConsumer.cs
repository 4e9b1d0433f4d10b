using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Shared.Audit;
using Ctms.Shared.Messaging;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Consent;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Subjects.Features.Consumers;

/// <summary>
/// Re-consent: when an approval covering consent versions takes effect at institutions, every active subject of the
/// trial at those institutions' sites whose signed version was superseded (same document and language, another
/// version) is flagged "re-consent required" until they sign the new one. A redelivery changes nothing (inbox, and a
/// subject already flagged for that version is skipped).
/// </summary>
internal sealed class IrbApprovalGrantedConsumer(
    SubjectsDbContext db,
    ISitesQueries sites,
    ITrialsQueries trials,
    IAuditReason reason,
    TimeProvider clock,
    ILogger<IrbApprovalGrantedConsumer> logger) : InboxConsumer<IrbApprovalGranted, SubjectsDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(IrbApprovalGranted message, CancellationToken cancellationToken)
    {
        if (message.ConsentVersionIds is not { Count: > 0 } || message.InstitutionIds is not { Count: > 0 })
        {
            return;
        }

        var approved = new List<ConsentVersionSummary>();
        foreach (var id in message.ConsentVersionIds.Distinct())
        {
            if (await ConsentVersions.FindAsync(trials, message.TrialId, id, cancellationToken) is { } consent)
            {
                approved.Add(consent);
            }
        }

        var siteIds = (await sites.ListForTrialAsync(message.TrialId, cancellationToken))
            .Where(s => message.InstitutionIds.Contains(s.InstitutionId)).Select(s => s.Id).ToList();
        if (approved.Count == 0 || siteIds.Count == 0)
        {
            return;
        }

        var active = SubjectStatus.Active.ToList();
        var subjects = await Db.Subjects
            .Where(s => s.TrialId == message.TrialId && siteIds.Contains(s.SiteId) && s.ConsentVersionId != null && active.Contains(s.Status))
            .ToListAsync(cancellationToken);
        var signedCache = new Dictionary<Guid, ConsentVersionSummary?>();
        var now = Clock.GetUtcNow();
        var flagged = new List<string>();
        foreach (var subject in subjects)
        {
            var signedId = subject.ConsentVersionId!.Value;
            if (approved.Any(a => a.Id == signedId))
            {
                continue;
            }

            if (!signedCache.TryGetValue(signedId, out var signed))
            {
                signed = signedCache[signedId] = await ConsentVersions.FindAsync(trials, message.TrialId, signedId, cancellationToken);
            }

            var successor = Successor(signed, approved);
            if (successor is not null && subject.RequireReconsent(successor.Id, ConsentVersions.Label(successor)))
            {
                flagged.Add(subject.SubjectNumber);
                Db.AddIntegrationEvent(new ReconsentRequired(subject.Id, subject.TrialId, subject.SiteId, subject.SubjectNumber, successor.Id, successor.Version, now), now);
            }
        }

        if (flagged.Count > 0)
        {
            logger.LogInformation("Re-consent required for {Count} subjects of trial {Trial}", flagged.Count, message.TrialId);
        }

        // The base saves after ApplyAsync returns, so the reason must outlive this method: it is scoped to the message.
        _ = reason.Use($"Re-consent required: a new consent version was approved (approval {message.ApprovalId})");
    }

    /// <summary>The approved version that replaces what the subject signed: same document, same language if there is one, another version.</summary>
    internal static ConsentVersionSummary? Successor(ConsentVersionSummary? signed, IReadOnlyList<ConsentVersionSummary> approved)
    {
        if (signed is null)
        {
            return null;
        }

        var sameDocument = approved.Where(a => a.DocumentName == signed.DocumentName && a.Version != signed.Version).ToList();
        return sameDocument.FirstOrDefault(a => a.Language == signed.Language) ?? sameDocument.FirstOrDefault();
    }
}
