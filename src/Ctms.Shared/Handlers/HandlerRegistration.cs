using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ctms.Shared.Handlers;

public static class HandlerRegistration
{
    /// <summary>
    /// Registers a command handler behind the validating decorator: callers resolve
    /// <see cref="ICommandHandler{TCommand,TResult}"/> and always get validation first.
    /// </summary>
    public static IServiceCollection AddCommandHandler<TCommand, TResult, THandler>(this IServiceCollection services)
        where TCommand : ICommand<TResult>
        where THandler : class, ICommandHandler<TCommand, TResult>
    {
        services.TryAddScoped<THandler>();
        services.AddScoped<ICommandHandler<TCommand, TResult>>(sp => new ValidatingCommandHandler<TCommand, TResult>(
            sp.GetRequiredService<THandler>(),
            sp.GetServices<IValidator<TCommand>>()));
        return services;
    }

    public static IServiceCollection AddQueryHandler<TQuery, TResult, THandler>(this IServiceCollection services)
        where TQuery : IQuery<TResult>
        where THandler : class, IQueryHandler<TQuery, TResult>
    {
        services.AddScoped<IQueryHandler<TQuery, TResult>, THandler>();
        return services;
    }
}
