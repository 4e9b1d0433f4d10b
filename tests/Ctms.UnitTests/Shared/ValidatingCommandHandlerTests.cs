using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class ValidatingCommandHandlerTests
{
    public sealed record RenameCommand(string Name) : ICommand<string>;

    public sealed class RenameValidator : AbstractValidator<RenameCommand>
    {
        public RenameValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("Give a name.");
    }

    public sealed class NoDigitsValidator : AbstractValidator<RenameCommand>
    {
        public NoDigitsValidator() =>
            RuleFor(c => c.Name).Must(n => !n.Any(char.IsAsciiDigit)).WithMessage("No digits in names.");
    }

    public sealed class CallCounter
    {
        public int Calls { get; set; }
    }

    public sealed class RenameHandler(CallCounter counter) : ICommandHandler<RenameCommand, string>
    {
        public Task<Result<string>> HandleAsync(RenameCommand command, CancellationToken cancellationToken = default)
        {
            counter.Calls++;
            return Task.FromResult<Result<string>>($"renamed to {command.Name}");
        }
    }

    private static (ICommandHandler<RenameCommand, string> Handler, CallCounter Counter) Build(params Type[] validators)
    {
        var services = new ServiceCollection();
        var counter = new CallCounter();
        services.AddSingleton(counter);
        foreach (var validator in validators)
        {
            services.AddScoped(typeof(IValidator<RenameCommand>), validator);
        }

        services.AddCommandHandler<RenameCommand, string, RenameHandler>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var scope = provider.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<ICommandHandler<RenameCommand, string>>(), counter);
    }

    [Fact]
    public void Resolved_handler_is_the_decorator_not_the_inner_handler()
    {
        var (handler, _) = Build(typeof(RenameValidator));

        Assert.IsNotType<RenameHandler>(handler);
        Assert.StartsWith("ValidatingCommandHandler", handler.GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_command_is_refused_with_field_errors_and_never_reaches_the_handler()
    {
        var (handler, counter) = Build(typeof(RenameValidator));

        var result = await handler.HandleAsync(new RenameCommand(""));

        Assert.True(result.IsFailure);
        var error = Assert.Single(result.Errors);
        Assert.Equal("validation", error.Code);
        Assert.Equal(nameof(RenameCommand.Name), error.Field);
        Assert.Equal("Give a name.", error.Message);
        Assert.Equal(0, counter.Calls);
    }

    [Fact]
    public async Task Errors_of_every_validator_are_reported_together()
    {
        var (handler, counter) = Build(typeof(RenameValidator), typeof(NoDigitsValidator));

        var result = await handler.HandleAsync(new RenameCommand("R2D2"));

        Assert.Equal(["No digits in names."], result.Errors.Select(e => e.Message));
        Assert.Equal(0, counter.Calls);

        // Non-empty satisfies the first validator; the digits fail the second.
        var empty = await handler.HandleAsync(new RenameCommand(""));
        Assert.Equal(["Give a name."], empty.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task Valid_command_reaches_the_handler_once()
    {
        var (handler, counter) = Build(typeof(RenameValidator), typeof(NoDigitsValidator));

        var result = await handler.HandleAsync(new RenameCommand("Selene"));

        Assert.True(result.IsSuccess);
        Assert.Equal("renamed to Selene", result.Value);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public async Task Command_without_validators_reaches_the_handler()
    {
        var (handler, counter) = Build();

        var result = await handler.HandleAsync(new RenameCommand(""));

        Assert.True(result.IsSuccess);
        Assert.Equal(1, counter.Calls);
    }
}
