namespace Ctms.Identity.Contracts;

/// <summary>A person as other modules may know them: id and printed name, never credentials.</summary>
public sealed record UserRef(string UserId, string Email, string DisplayName);

/// <summary>Synchronous, in-process reads of the Identity module for other modules.</summary>
public interface IIdentityQueries
{
    Task<UserRef?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);
}
