namespace Ctms.Shared.Results;

/// <summary>Why a command or query was refused. <see cref="Field"/> names the input at fault, when there is one.</summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public static Error Validation(string field, string message) => new("validation", message, field);
    public static Error NotFound(string what) => new("not-found", $"{what} was not found.");
    public static Error Forbidden(string message) => new("forbidden", message);
    public static Error Conflict(string message) => new("conflict", message);
    public static Error Rule(string code, string message) => new(code, message);
}
