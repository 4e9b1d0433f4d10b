using System.Security.Claims;
using System.Security.Cryptography;
using Ctms.Identity.Contracts.IntegrationEvents;
using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Features.Oidc;
using OpenIddict.Abstractions;
using System.Text.Json;
using Ctms.Shared.Audit;
using Ctms.Identity.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Ctms.Identity.Features.SeedDemo;

/// <summary>
/// Creates the roles and one demo user per role. Passwords are random and printed once, on the run that
/// creates them, unless <c>Seed:DemoPassword</c> fixes one (tests and screenshots).
/// </summary>
internal sealed class IdentityDemoSeeder(
    CtmsIdentityDbContext db,
    UserManager<CtmsUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IOpenIddictApplicationManager applications,
    TimeProvider clock) : IDemoSeeder
{
    public int Order => 40;

    /// <summary>
    /// Demo accounts only: PBKDF2 at a tenth of Identity's iteration count, so the first start does not spend seconds
    /// hashing ten passwords. Identity reads the count from the stored hash and re-hashes at the full count on the first
    /// successful sign-in (SuccessRehashNeeded). Accounts created through the app never use this hasher.
    /// </summary>
    private static readonly PasswordHasher<CtmsUser> DemoHasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 10_000 }));

    /// <summary>
    /// UserManager, RoleManager and OpenIddict commit after every call (about thirty commits on a fresh database, each
    /// with its audit chain update); one transaction makes the seed one commit, every write still audited in it.
    /// Inside the execution strategy, which refuses a bare user transaction where it retries (PostgreSQL, SQL Server).
    /// Passwords and the client secret are printed only once the transaction has committed.
    /// </summary>
    public Task SeedAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var printed = new List<string>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SeedInTransactionAsync(printed, ct);
            await transaction.CommitAsync(ct);
            printed.ForEach(Console.WriteLine);
        }, cancellationToken);

    private async Task SeedInTransactionAsync(List<string> printed, CancellationToken cancellationToken)
    {
        foreach (var role in CtmsRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        await SeedDemoClientAsync(printed, cancellationToken);

        if (await db.Users.AnyAsync(cancellationToken))
        {
            printed.Add($"Demo users: {string.Join(", ", DemoUsers.All.Select(u => u.Email))} (passwords were printed on first run).");
            return;
        }

        var fixedPassword = configuration["Seed:DemoPassword"];
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        foreach (var demo in DemoUsers.All)
        {
            var password = string.IsNullOrEmpty(fixedPassword) ? NewPassword() : fixedPassword;
            var user = new CtmsUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                CreatedAt = now,
            };
            foreach (var validator in users.PasswordValidators)
            {
                Check(await validator.ValidateAsync(users, user, password), demo.Email);
            }

            user.PasswordHash = DemoHasher.HashPassword(user, password);
            Check(await users.CreateAsync(user), demo.Email);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.Email);
            var claims = demo.Scope.Select(s => new Claim(s.Type, s.Value)).Append(new Claim(CtmsClaims.DisplayName, demo.DisplayName));
            Check(await users.AddClaimsAsync(user, claims), demo.Email);
            db.AddAuditEvent(IdentityAuditEvents.For(user.Id, demo.DisplayName, IdentityAuditEvents.AccountCreated,
                $"demo account {demo.Email}; role {demo.Role}; scope {string.Join(", ", demo.Scope.Select(s => $"{s.Type}={s.Value}"))}"));
            db.AddIntegrationEvent(new UserAccountCreated(user.Id, demo.Email, demo.DisplayName, [demo.Role], now), now);
            lines.Add($"  {demo.Role,-14} {demo.Email,-30} {password}");
        }

        await db.SaveChangesAsync(cancellationToken);
        printed.Add("Demo users (passwords are shown this once; keep them or delete the data folder to reseed):");
        printed.AddRange(lines);
    }

    public const string DemoClientId = "ctms-demo-site-system";

    /// <summary>
    /// A site system of the Seoul oncology site, calling the API with client credentials (scope ctms.api). Its secret
    /// is <c>Seed:DemoClientSecret</c>, or random and printed once.
    /// </summary>
    private async Task SeedDemoClientAsync(List<string> printed, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(DemoClientId, cancellationToken) is not null)
        {
            return;
        }

        var secret = configuration["Seed:DemoClientSecret"] is { Length: > 0 } configured ? configured : NewPassword();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DemoClientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = "Demo site system (Seoul oncology)",
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + OidcServer.ApiScope,
            },
        };
        descriptor.Properties[OidcServer.RolesProperty] = JsonSerializer.SerializeToElement(new[] { CtmsRoles.Coordinator });
        descriptor.Properties[OidcServer.SitesProperty] = JsonSerializer.SerializeToElement(new[] { DemoIds.SiteOncologySeoul.ToString() });
        await applications.CreateAsync(descriptor, cancellationToken);
        db.AddAuditEvent(AuditEntry.Event("Client", DemoClientId, "client-registered",
            $"role {CtmsRoles.Coordinator}; site {DemoIds.SiteOncologySeoul}; scope {OidcServer.ApiScope}"));
        await db.SaveChangesAsync(cancellationToken);
        printed.Add($"Demo API client: {DemoClientId} secret {secret} (scope {OidcServer.ApiScope}; shown this once)");
    }

    /// <summary>16 characters from an alphabet without look-alikes, plus a digit and a symbol for the policy.</summary>
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 14) + RandomNumberGenerator.GetString("23456789", 1) + "!";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
