using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain.Randomization;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Subjects.Features.Randomization;

/// <param name="StratificationFactors">Factor name → level, for every factor of the trial's scheme.</param>
internal sealed record RandomizeSubjectCommand(Guid SiteId, string SubjectNumber, IReadOnlyDictionary<string, string> StratificationFactors)
    : ICommand<RandomizedSubject>;

internal sealed record RandomizedSubject(Guid SubjectId, string SubjectNumber, Guid ArmId, string ArmName);

internal sealed class RandomizeSubjectValidator : AbstractValidator<RandomizeSubjectCommand>
{
    public RandomizeSubjectValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.StratificationFactors).NotNull().WithMessage("Enter the stratification factors.");
    }
}

/// <summary>
/// Allocates an enrolled subject the next arm of its stratum's stored sequence (site + every factor's level), generating
/// the stratum's next permuted block when the current one is used up. Racing subjects conflict on the slot's concurrency
/// token (or the block's unique position) and retry, so no slot is given twice.
/// </summary>
internal sealed class RandomizeSubjectHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    ITrialsQueries trials,
    IAuditReason reason,
    TimeProvider clock,
    ILogger<RandomizeSubjectHandler> logger) : ICommandHandler<RandomizeSubjectCommand, RandomizedSubject>
{
    private const int MaxAttempts = 20;

    public async Task<Result<RandomizedSubject>> HandleAsync(RandomizeSubjectCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<RandomizedSubject>.FromErrors(loaded.Errors);
        }

        var (site, trial, _) = loaded.Value;
        var arms = (await trials.GetArmsAsync(trial.Id, cancellationToken)).Select(a => new ArmShare(a.Id, a.Name, Math.Max(1, a.AllocationRatio))).ToList();
        if (arms.Count < 2)
        {
            return Error.Rule("not-randomized", $"Trial {trial.ProtocolNumber} has fewer than two arms: it does not randomize.");
        }

        var scheme = await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.TrialId == trial.Id, cancellationToken);
        var stratum = PermutedBlocks.Stratum(site.Code, scheme?.Factors ?? [], command.StratificationFactors);
        if (stratum.IsFailure)
        {
            return Result<RandomizedSubject>.FromErrors(stratum.Errors);
        }

        var blockSizes = scheme?.BlockSizes ?? PermutedBlocks.DefaultBlockSizes(arms);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var subject = await db.Subjects.SingleAsync(s => s.Id == loaded.Value.Subject.Id, cancellationToken);
            var slot = await db.Allocations
                .Where(a => a.TrialId == trial.Id && a.Stratum == stratum.Value && a.SubjectId == null)
                .OrderBy(a => a.Block).ThenBy(a => a.Position)
                .FirstOrDefaultAsync(cancellationToken);
            if (slot is null)
            {
                var lastBlock = await db.Allocations.Where(a => a.TrialId == trial.Id && a.Stratum == stratum.Value)
                    .MaxAsync(a => (int?)a.Block, cancellationToken) ?? 0;
                var block = PermutedBlocks.NewBlock(arms, blockSizes);
                var slots = block.Select((arm, i) => new AllocationSlot(trial.Id, stratum.Value, lastBlock + 1, block.Count, i + 1, arm.Id, arm.Name)).ToList();
                db.Allocations.AddRange(slots);
                slot = slots[0];
            }

            var now = clock.GetUtcNow();
            if (subject.Randomize(slot.ArmId, slot.ArmName, stratum.Value, now) is { } refused)
            {
                return refused;
            }

            slot.Assign(subject.Id, now);
            db.AddIntegrationEvent(new SubjectRandomized(subject.Id, trial.Id, site.Id, subject.SubjectNumber, slot.ArmId, slot.ArmName, stratum.Value, now), now);
            try
            {
                using (reason.Use("Randomized"))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return new RandomizedSubject(subject.Id, subject.SubjectNumber, slot.ArmId, slot.ArmName);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                logger.LogDebug(ex, "Randomization in stratum {Stratum} conflicted, attempt {Attempt}", stratum.Value, attempt);
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict("Randomization is busy in this stratum; please try again.");
            }
        }
    }
}
