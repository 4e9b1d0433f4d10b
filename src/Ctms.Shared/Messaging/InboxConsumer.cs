using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Shared.Messaging;

/// <summary>
/// Base for every consumer with a lasting effect: the message id is recorded in the module's inbox in the same
/// SaveChanges as the effect, so a redelivered message is recognised and has no second effect.
/// Exceptions propagate: MassTransit retries, then moves the message to the endpoint's error queue.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;
    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        var consumer = GetType().Name;

        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
        {
            logger.LogInformation("{Consumer} ignored message {MessageId}: already applied", consumer, messageId);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(context.Message, context.CancellationToken);
                db.Set<InboxMessage>().Add(new InboxMessage(messageId, consumer, clock.GetUtcNow()));
                await db.SaveChangesAsync(context.CancellationToken);
                break;
            }
            catch (DbUpdateException ex) when (attempt < ConflictAttempts && ApplyAgainOnConflict)
            {
                // Another consumer inserted the same row first (a normal race, e.g. two events of a new subject on two
                // endpoints): start clean and apply again, now as an update, instead of faulting into the bus's retry.
                db.ChangeTracker.Clear();
                logger.LogInformation("{Consumer} met a concurrent write applying {MessageId} ({Error}); applying it again", consumer, messageId,
                    ex.InnerException?.Message ?? ex.Message);
                if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
                {
                    return;
                }
            }
            catch (DbUpdateException)
            {
                // A concurrent redelivery or a concurrency conflict: forget this attempt so the retry starts clean
                // and finds either the inbox row or the current state.
                db.ChangeTracker.Clear();
                throw;
            }
        }

        OnApplied(context.Message);
    }

    /// <summary>
    /// True when <see cref="ApplyAsync"/> is idempotent over the current state (it sets, never adds up), so a write that
    /// lost a race is settled by applying the message again inside this delivery (a few times at most).
    /// </summary>
    protected virtual bool ApplyAgainOnConflict => false;

    private const int ConflictAttempts = 3;

    /// <summary>After the effect is committed: tell in-process listeners (open pages), never the database.</summary>
    protected virtual void OnApplied(TMessage message)
    {
    }

    /// <summary>Make the effect in the tracked context; the base saves it together with the inbox row.</summary>
    protected abstract Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}
