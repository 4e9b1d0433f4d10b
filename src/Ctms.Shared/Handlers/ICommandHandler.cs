using Ctms.Shared.Results;

namespace Ctms.Shared.Handlers;

/// <summary>Marker for a command: a request that changes state and answers with <typeparamref name="TResult"/>.</summary>
public interface ICommand<TResult>;

public interface ICommandHandler<in TCommand, TResult> where TCommand : ICommand<TResult>
{
    Task<Result<TResult>> HandleAsync(TCommand command, CancellationToken cancellationToken = default);
}

/// <summary>Marker for a query: a request that reads and answers with <typeparamref name="TResult"/>.</summary>
public interface IQuery<TResult>;

public interface IQueryHandler<in TQuery, TResult> where TQuery : IQuery<TResult>
{
    Task<Result<TResult>> HandleAsync(TQuery query, CancellationToken cancellationToken = default);
}
