using System.Text;
using System.Text.Json;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.SiteSync.Domain;
using Ctms.SiteSync.Persistence;
using Ctms.Subjects.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ctms.SiteSync.Gateway;

/// <summary>What the gateway does with the AMQP delivery once the outcome is stored.</summary>
internal enum DeliveryVerdict
{
    Ack,

    /// <summary>Unreadable or not for us: to the site's error queue for an operator (the site got an answer where possible).</summary>
    DeadLetter,
}

internal sealed record InboundDelivery(string? UserId, string? AmqpMessageId, byte[] Body);

/// <summary>
/// The processing rules of docs/messaging.md for one delivery: authenticate, de-duplicate, read, validate, order by the
/// per-subject sequence, apply through <see cref="ISiteDataEntry"/> as the named staff member, store the outcome and
/// the answer (outbound row) together. The gateway calls it for one site at a time.
/// </summary>
internal sealed class SiteMessageProcessor(
    SiteSyncDbContext db,
    IServiceScopeFactory scopes,
    SiteSyncSettings settings,
    TimeProvider clock,
    ILogger<SiteMessageProcessor> logger)
{
    /// <summary>Attempts at applying a stored message before the sweep gives up and marks it in doubt for an operator.</summary>
    public const int MaxApplyAttempts = 5;

    public async Task<DeliveryVerdict> ProcessAsync(RegisteredSite site, InboundDelivery delivery, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!string.Equals(delivery.UserId, site.AmqpUser, StringComparison.Ordinal))
        {
            // RabbitMQ guarantees user_id is the publisher's own user, so a missing or foreign one is not this site speaking.
            logger.LogWarning("Site {Site}: message without the site's user_id ({UserId}) dead-lettered", site.Code, delivery.UserId ?? "none");
            return DeliveryVerdict.DeadLetter;
        }

        var raw = Encoding.UTF8.GetString(delivery.Body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(delivery.Body);
        }
        catch (JsonException ex)
        {
            await RejectUnreadableAsync(site, raw, new Reason(null, "malformed-json", $"The message is not valid JSON: {ex.Message}"));
            return DeliveryVerdict.DeadLetter;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await RejectUnreadableAsync(site, raw, new Reason(null, "malformed-json", "The message must be a JSON object."));
                return DeliveryVerdict.DeadLetter;
            }

            if (SiteEnvelopeReader.MessageIdOf(root) is not { } messageId)
            {
                await RejectUnreadableAsync(site, raw, new Reason("messageId", "malformed-json", "messageId is required and must be a UUID."));
                return DeliveryVerdict.DeadLetter;
            }

            if (await db.SiteMessages.FindAsync([messageId], cancellationToken) is { } existing)
            {
                if (existing.SiteCode != site.Code)
                {
                    // Another site's message id: never answer with another site's outcome.
                    logger.LogWarning("Site {Site}: message id {MessageId} belongs to another site; dead-lettered", site.Code, messageId);
                    return DeliveryVerdict.DeadLetter;
                }

                await AnswerDuplicateAsync(site, existing);
                return DeliveryVerdict.Ack;
            }

            var message = new SiteMessage(messageId, site.Code, SiteEnvelopeReader.TypeOf(root), raw, clock.GetUtcNow());
            var (envelope, reasons) = SiteEnvelopeReader.Read(root);
            if (message.Type is { } typeName && !SiteMessageTypes.All.ContainsKey(typeName))
            {
                await RejectAsync(site, message, null, [new Reason("type", "unknown-type", $"'{typeName}' is not a message type the central accepts.")]);
                return DeliveryVerdict.DeadLetter;
            }

            if (envelope is not null && envelope.SchemaVersion != SiteMessageTypes.SchemaVersion)
            {
                await RejectAsync(site, message, envelope, [new Reason("schemaVersion", "unknown-schema-version",
                    $"Schema version {envelope.SchemaVersion} of {envelope.Type} is not known; the central reads version {SiteMessageTypes.SchemaVersion}.")]);
                return DeliveryVerdict.DeadLetter;
            }

            if (envelope is null)
            {
                await RejectAsync(site, message, null, reasons);
                return DeliveryVerdict.Ack;
            }

            message.Describe(envelope.SubjectNumber, envelope.Sequence, envelope.EnteredBy, envelope.SentAt, envelope.CorrelationId);
            var (type, body) = ReadTyped(site, envelope, delivery.AmqpMessageId, reasons);
            if (reasons.Count > 0 || type is null || body is null)
            {
                await RejectAsync(site, message, envelope, reasons);
                return DeliveryVerdict.Ack;
            }

            if (envelope.SubjectNumber is { } subject)
            {
                var last = await LastSequenceAsync(site, subject);
                if (envelope.Sequence <= last)
                {
                    await RejectAsync(site, message, envelope, [new Reason("sequence", "stale-sequence",
                        $"Sequence {envelope.Sequence} of subject {subject} was already used (the last processed is {last}); send corrections with the next number.")]);
                    return DeliveryVerdict.Ack;
                }

                if (envelope.Sequence > last + 1)
                {
                    message.Park();
                    db.SiteMessages.Add(message);
                    await db.SaveChangesAsync(CancellationToken.None);
                    logger.LogInformation("Site {Site}: message {MessageId} (sequence {Sequence} of {Subject}) parked, waiting for {Next}",
                        site.Code, messageId, envelope.Sequence, subject, last + 1);
                    return DeliveryVerdict.Ack;
                }
            }

            db.SiteMessages.Add(message);
            await ApplyAsync(site, message, envelope, type, body);
            if (envelope.SubjectNumber is not null)
            {
                await DrainParkedAsync(site, envelope.SubjectNumber);
            }

            return DeliveryVerdict.Ack;
        }
    }

    /// <summary>Parked messages that waited longer than the park timeout are rejected, naming the missing numbers.</summary>
    public async Task ExpireParkedAsync(RegisteredSite site, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cutoff = clock.GetUtcNow() - settings.ParkTimeout;
        var expired = await db.SiteMessages
            .Where(m => m.SiteCode == site.Code && m.Status == SiteMessageStatus.Parked && m.ReceivedAt <= cutoff)
            .ToListAsync(cancellationToken);
        foreach (var message in expired)
        {
            var last = await LastSequenceAsync(site, message.SubjectNumber!);
            var reason = message.Sequence <= last
                ? new Reason("sequence", "stale-sequence", $"Sequence {message.Sequence} of subject {message.SubjectNumber} was already used (the last processed is {last}).")
                : new Reason("sequence", "sequence-gap",
                    $"Sequence {message.Sequence} of subject {message.SubjectNumber} waited {settings.ParkTimeout.TotalSeconds:0} s for {Missing(last, message.Sequence!.Value)}, which never arrived. Send the missing messages, then resend this one with a new message id.");
            await CompleteRejectedAsync(site, message, message.Type, message.CorrelationId, message.SubjectNumber, [reason]);
        }
    }

    /// <summary>
    /// Applies a parked, rejected or in-doubt message again after a correction at the central (operator's replay): the
    /// sequence check is skipped, the outcome and answer replace the earlier ones.
    /// </summary>
    public async Task<string?> ReplayAsync(RegisteredSite site, Guid messageId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var message = await db.SiteMessages.SingleOrDefaultAsync(m => m.MessageId == messageId && m.SiteCode == site.Code, cancellationToken);
        if (message is null || message.Status is SiteMessageStatus.Accepted or SiteMessageStatus.Applying)
        {
            return "Only a parked, rejected or in-doubt message can be replayed.";
        }

        return await ApplyStoredAsync(site, message);
    }

    /// <summary>
    /// Messages left <c>applying</c> by a crash between the Subjects commit and ours (a drained parked message is not
    /// redelivered by the broker, so the sweep finds it): applied again with the same idempotency key, which returns the
    /// first outcome if the Subjects module had committed it. The caller holds the site's lock, so none is in flight here.
    /// </summary>
    public async Task ResumeApplyingAsync(RegisteredSite site, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stuck = await db.SiteMessages.Where(m => m.SiteCode == site.Code && m.Status == SiteMessageStatus.Applying)
            .Select(m => m.MessageId).ToListAsync(cancellationToken);
        foreach (var id in stuck)
        {
            db.ChangeTracker.Clear();
            if (await db.SiteMessages.FindAsync([id], cancellationToken) is not { Status: SiteMessageStatus.Applying } message)
            {
                continue;
            }

            if (message.Attempts >= MaxApplyAttempts)
            {
                // It failed every time (not a crash: an error applying it). Stop retrying; an operator looks at it.
                message.MarkInDoubt();
                await db.SaveChangesAsync(CancellationToken.None);
                logger.LogError("Site {Site}: message {MessageId} failed {Attempts} times; in doubt until an operator decides", site.Code, id, message.Attempts);
                continue;
            }

            logger.LogWarning("Site {Site}: message {MessageId} was left applying; applying it again with its key", site.Code, id);
            try
            {
                await ApplyStoredAsync(site, message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Still applying: the next sweep tries again (the key makes that safe) until the attempts run out.
                logger.LogError(ex, "Site {Site}: message {MessageId} could not be applied again", site.Code, id);
            }
        }
    }

    private async Task<string?> ApplyStoredAsync(RegisteredSite site, SiteMessage message)
    {
        using var document = JsonDocument.Parse(message.RawJson);
        var (envelope, reasons) = SiteEnvelopeReader.Read(document.RootElement);
        if (envelope is null)
        {
            return "The message cannot be read; the site must send it again.";
        }

        var (type, body) = ReadTyped(site, envelope, null, reasons);
        if (type is null || body is null || reasons.Count > 0)
        {
            return "The message is not valid (" + string.Join("; ", reasons.Select(r => r.Message)) + "); the site must send a corrected one.";
        }

        await ApplyAsync(site, message, envelope, type, body, stored: true);
        if (envelope.SubjectNumber is not null)
        {
            await DrainParkedAsync(site, envelope.SubjectNumber);
        }

        return null;
    }

    private static (SiteMessageType? Type, object? Body) ReadTyped(RegisteredSite site, SiteEnvelope envelope, string? amqpMessageId, List<Reason> reasons)
    {
        if (!string.Equals(envelope.SiteCode, site.Code, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(new Reason("siteCode", "wrong-site", $"This connection belongs to site {site.Code}; it cannot send messages for site {envelope.SiteCode}."));
        }

        if (amqpMessageId is not null && !string.Equals(amqpMessageId, envelope.MessageId.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(new Reason("messageId", "invalid", "The AMQP message_id property must equal the envelope's messageId."));
        }

        var type = SiteMessageTypes.All[envelope.Type];
        switch (type.Subject)
        {
            case SubjectRule.None when envelope.SubjectNumber is not null || envelope.Sequence is not null:
                reasons.Add(new Reason("subjectNumber", "invalid", $"{type.Name} creates the subject: it carries no subjectNumber and no sequence."));
                break;
            case SubjectRule.Required when envelope.SubjectNumber is null:
                reasons.Add(new Reason("subjectNumber", "invalid", $"{type.Name} needs the subjectNumber."));
                break;
        }

        if (envelope.SubjectNumber is not null && envelope.Sequence is null)
        {
            reasons.Add(new Reason("sequence", "invalid", "A message about a subject needs its per-subject sequence number."));
        }
        else if (envelope.SubjectNumber is null && envelope.Sequence is not null && type.Subject != SubjectRule.None)
        {
            reasons.Add(new Reason("sequence", "invalid", "sequence is given only with a subjectNumber."));
        }

        var body = type.ReadBody(envelope.Body, reasons);
        return (type, body);
    }

    /// <param name="stored">The message was stored before this attempt (parked, replayed, left applying): it is marked
    /// <c>applying</c> first and stays so on an error, for the sweep, since no redelivery will bring it back. A fresh
    /// delivery is stored only with its outcome (ADR 0021).</param>
    private async Task ApplyAsync(RegisteredSite site, SiteMessage message, SiteEnvelope envelope, SiteMessageType type, object body, bool stored = false)
    {
        message.MarkApplying();
        if (stored)
        {
            // If we die after the Subjects module commits but before our outcome does, the sweep finds "applying" and
            // applies it again with the same idempotency key, which returns the first outcome.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        // A fresh delivery needs no marker commit: it is acked only after our outcome commits, so a crash before that
        // brings it back from the broker as unknown here, and applying it again with the same key returns the first outcome.

        DataEntryResult result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                var today = UtcDates.Today(clock);
                var (principal, refusal) = await scope.ServiceProvider.GetRequiredService<ActingStaff>()
                    .ForAsync(envelope.EnteredBy, site, type.Responsibility, settings.RequireDelegation, today, CancellationToken.None);
                if (principal is null)
                {
                    result = DataEntryResult.Refused(new DataEntryError(refusal!.Code, refusal.Message, refusal.Field));
                }
                else
                {
                    scope.ServiceProvider.GetRequiredService<CurrentUserAccessor>().Set(principal);
                    result = await type.Apply(scope.ServiceProvider.GetRequiredService<ISiteDataEntry>(), site.SiteId, envelope, body, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The Subjects module threw, so it did not commit (its transaction rolled back).
                logger.LogError(ex, "Site {Site}: applying message {MessageId} failed; it will be tried again", site.Code, message.MessageId);
                // A fresh delivery was not stored: the broker redelivers it. A stored one stays applying for the sweep.
                db.ChangeTracker.Clear();
                throw;
            }
        }

        if (envelope.SubjectNumber is { } subject && envelope.Sequence is { } sequence)
        {
            var row = await db.SubjectSequences.FindAsync([site.Code, subject], CancellationToken.None);
            if (row is null)
            {
                row = new SubjectSequence(site.Code, subject);
                db.SubjectSequences.Add(row);
            }

            row.Advance(sequence);
        }

        var now = clock.GetUtcNow();
        var subjectNumber = envelope.SubjectNumber ?? result.SubjectNumber;
        var reasons = result.Errors.Select(e => new Reason(FieldOf(e.Field), e.Code, e.Message)).ToList();
        object answerBody;
        string answerType;
        if (type.Name == "EnrollmentRequested")
        {
            answerType = "EnrollmentDecided";
            answerBody = CentralMessages.EnrollmentDecided(message.MessageId, result.Succeeded, result.ArmName, reasons, now);
        }
        else if (result.Succeeded)
        {
            answerType = "MessageAccepted";
            var screeningRef = body is SubjectScreenedBody screened ? screened.ScreeningRef : null;
            answerBody = CentralMessages.Accepted(message.MessageId, type.Name, subjectNumber, screeningRef, now);
        }
        else
        {
            answerType = "MessageRejected";
            answerBody = CentralMessages.Rejected(message.MessageId, type.Name, reasons, now);
        }

        var (answerId, answer) = CentralMessages.Build(answerType, site, subjectNumber, envelope.CorrelationId, answerBody, now);
        message.Complete(result.Succeeded, reasons.Count == 0 ? null : CentralMessages.Reasons(reasons), answer, now);
        db.OutboundMessages.Add(new OutboundSiteMessage(answerId, site.Code, answerType, answer, now));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task DrainParkedAsync(RegisteredSite site, string subject)
    {
        while (true)
        {
            var next = (await LastSequenceAsync(site, subject)) + 1;
            var parked = await db.SiteMessages.OrderBy(m => m.ReceivedAt).FirstOrDefaultAsync(m =>
                m.SiteCode == site.Code && m.SubjectNumber == subject && m.Status == SiteMessageStatus.Parked && m.Sequence == next);
            if (parked is null)
            {
                return;
            }

            using var document = JsonDocument.Parse(parked.RawJson);
            var (envelope, reasons) = SiteEnvelopeReader.Read(document.RootElement);
            var (type, body) = ReadTyped(site, envelope!, null, reasons);
            await ApplyAsync(site, parked, envelope!, type!, body!, stored: true);
        }
    }

    /// <summary>
    /// Tracked on purpose: the row read for the sequence check is the one <see cref="ApplyAsync"/> advances and the
    /// drain of parked successors reads again, so one round trip serves all three (only this lane touches the subject).
    /// </summary>
    private async Task<int> LastSequenceAsync(RegisteredSite site, string subject) =>
        (await db.SubjectSequences.FindAsync([site.Code, subject], CancellationToken.None))?.LastSequence ?? 0;

    private async Task AnswerDuplicateAsync(RegisteredSite site, SiteMessage existing)
    {
        switch (existing.Status)
        {
            case SiteMessageStatus.Accepted or SiteMessageStatus.Rejected when existing.AnswerJson is not null:
                using (var answer = JsonDocument.Parse(existing.AnswerJson))
                {
                    // The very same answer (same message id), so a site that already has it recognises the repeat.
                    db.OutboundMessages.Add(new OutboundSiteMessage(SiteEnvelopeReader.MessageIdOf(answer.RootElement) ?? Guid.NewGuid(), site.Code,
                        SiteEnvelopeReader.TypeOf(answer.RootElement) ?? "MessageAccepted", existing.AnswerJson, clock.GetUtcNow()));
                }

                break;
            case SiteMessageStatus.Applying:
                logger.LogWarning("Site {Site}: message {MessageId} was being applied when the gateway stopped; applying it again with its key",
                    site.Code, existing.MessageId);
                await ApplyStoredAsync(site, existing);
                return;
            default:
                return; // parked, or in doubt from a version without idempotency keys: still waiting, nothing to say yet
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task RejectUnreadableAsync(RegisteredSite site, string raw, Reason reason)
    {
        var message = new SiteMessage(Guid.NewGuid(), site.Code, null, raw.Length > 100_000 ? raw[..100_000] : raw, clock.GetUtcNow());
        db.SiteMessages.Add(message);
        var now = clock.GetUtcNow();
        var (answerId, answer) = CentralMessages.Build("MessageRejected", site, null, null, CentralMessages.Rejected(null, null, [reason], now), now);
        message.Complete(false, CentralMessages.Reasons([reason]), answer, now);
        db.OutboundMessages.Add(new OutboundSiteMessage(answerId, site.Code, "MessageRejected", answer, now));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task RejectAsync(RegisteredSite site, SiteMessage message, SiteEnvelope? envelope, IReadOnlyList<Reason> reasons)
    {
        db.SiteMessages.Add(message);
        await CompleteRejectedAsync(site, message, message.Type, envelope?.CorrelationId, envelope?.SubjectNumber, reasons);
    }

    private async Task CompleteRejectedAsync(RegisteredSite site, SiteMessage message, string? type, string? correlationId, string? subjectNumber, IReadOnlyList<Reason> reasons)
    {
        var now = clock.GetUtcNow();
        var (answerId, answer) = CentralMessages.Build("MessageRejected", site, subjectNumber, correlationId,
            CentralMessages.Rejected(message.MessageId, type, reasons, now), now);
        message.Complete(false, CentralMessages.Reasons(reasons), answer, now);
        db.OutboundMessages.Add(new OutboundSiteMessage(answerId, site.Code, "MessageRejected", answer, now));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string? FieldOf(string? field) => field switch
    {
        null => null,
        "subjectNumber" or "siteCode" or "enteredBy" or "sequence" => field,
        "siteId" => "siteCode",
        _ => "body." + field,
    };

    private static string Missing(int last, int sequence) =>
        sequence - last == 2 ? $"sequence {last + 1}" : $"sequences {last + 1}–{sequence - 1}";
}
