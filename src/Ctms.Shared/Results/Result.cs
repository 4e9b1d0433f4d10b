namespace Ctms.Shared.Results;

/// <summary>The outcome of a command or query: a value, or the errors that refused it.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors.Count == 0;
    public bool IsFailure => !IsSuccess;

    public static Result Success() => new([]);
    public static Result Failure(params Error[] errors) => new(RequireErrors(errors));
    public static Result<T> Success<T>(T value) => new(value, []);
    public static Result<T> Failure<T>(params Error[] errors) => new(default, RequireErrors(errors));

    /// <summary>One line a person can read: every error message, in order.</summary>
    public string Describe() => string.Join(" ", Errors.Select(e => e.Message));

    protected static IReadOnlyList<Error> RequireErrors(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : errors;
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    internal Result(T? value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value: {Describe()}");

    public static Result<T> FromErrors(IReadOnlyList<Error> errors) => new(default, RequireErrors(errors));

    public static implicit operator Result<T>(T value) => new(value, []);
    public static implicit operator Result<T>(Error error) => new(default, [error]);
}
