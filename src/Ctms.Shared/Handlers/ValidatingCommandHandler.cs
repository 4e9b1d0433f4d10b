using Ctms.Shared.Results;
using FluentValidation;

namespace Ctms.Shared.Handlers;

/// <summary>
/// Runs every FluentValidation validator of the command before the inner handler, so a command of the wrong
/// shape is refused with field-level errors and never reaches the domain.
/// </summary>
internal sealed class ValidatingCommandHandler<TCommand, TResult>(
    ICommandHandler<TCommand, TResult> inner,
    IEnumerable<IValidator<TCommand>> validators) : ICommandHandler<TCommand, TResult>
    where TCommand : ICommand<TResult>
{
    public async Task<Result<TResult>> HandleAsync(TCommand command, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(command, cancellationToken);
            errors.AddRange(outcome.Errors.Select(f => Error.Validation(f.PropertyName, f.ErrorMessage)));
        }

        return errors.Count > 0
            ? Result<TResult>.FromErrors(errors)
            : await inner.HandleAsync(command, cancellationToken);
    }
}
