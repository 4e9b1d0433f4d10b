using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Shared.Audit;
using Ctms.Identity.Persistence;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Signatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Identity.Features.Signing;

/// <summary>
/// Re-authenticates the signer (21 CFR 11.200): user id and password on the first signing in this session
/// (circuit or request scope), the password alone after that. A wrong password counts toward lockout.
/// </summary>
internal sealed class ElectronicSignatureService(
    CtmsIdentityDbContext db,
    UserManager<CtmsUser> users,
    ICurrentUser currentUser,
    TimeProvider clock,
    ILogger<ElectronicSignatureService> logger) : IElectronicSignatureService
{
    private bool _signedInThisSession;

    public bool RequiresUserName => !_signedInThisSession;

    public async Task<Result<SignatureManifestation>> SignAsync(SignatureRequest request, CancellationToken cancellationToken = default)
    {
        if (currentUser.UserId is not { } userId || await users.FindByIdAsync(userId) is not { IsActive: true } user)
        {
            return Error.Forbidden("Sign in to sign records.");
        }

        if (RequiresUserName &&
            !string.Equals(request.UserName?.Trim(), user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            await AuditFailureAsync(user, request, "the user id entered is not the signed-in user's", cancellationToken);
            return Error.Validation(nameof(request.UserName), "Enter your own user id (email) to sign.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            await AuditFailureAsync(user, request, "account locked", cancellationToken);
            return Error.Forbidden("This account is locked after repeated failed attempts; signing is not possible now.");
        }

        if (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            await AuditFailureAsync(user, request, "wrong password", cancellationToken);
            logger.LogWarning("Failed signing attempt by {UserId} on {RecordType} {RecordId}", user.Id, request.RecordType, request.RecordId);
            return Error.Validation(nameof(request.Password), "The password is not correct; the record was not signed.");
        }

        await users.ResetAccessFailedCountAsync(user);
        var manifestation = new SignatureManifestation(Guid.NewGuid(), user.Id, user.DisplayName, clock.GetUtcNow(),
            request.Meaning, SignatureHash.Of(request.Content));
        db.Signatures.Add(new SignatureRecord(manifestation, request.RecordType, request.RecordId));
        db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.Signed,
            $"{request.RecordType} {request.RecordId}: {manifestation.Display} (content {manifestation.ContentHash})"));
        await db.SaveChangesAsync(cancellationToken);
        _signedInThisSession = true;
        logger.LogInformation("{UserId} signed {RecordType} {RecordId} ({Meaning})", user.Id, request.RecordType, request.RecordId, request.Meaning);
        return manifestation;
    }

    public async Task<SignatureManifestation?> LatestAsync(string recordType, string recordId, CancellationToken cancellationToken = default)
    {
        var records = await db.Signatures.AsNoTracking()
            .Where(s => s.RecordType == recordType && s.RecordId == recordId).ToListAsync(cancellationToken);
        return records.OrderByDescending(s => s.SignedAt).Select(s => new SignatureManifestation(s.Id, s.SignerUserId, s.PrintedName,
            s.SignedAt, Enum.Parse<SignatureMeaning>(s.Meaning), s.ContentHash)).FirstOrDefault();
    }

    private async Task AuditFailureAsync(CtmsUser user, SignatureRequest request, string why, CancellationToken cancellationToken)
    {
        db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.SigningFailed,
            $"{request.RecordType} {request.RecordId} ({request.Meaning}): {why}"));
        await db.SaveChangesAsync(cancellationToken);
    }
}
