using Ctms.Irb.Domain;
using Ctms.Irb.Features.Access;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Features.Agreements;

/// <summary>Creating an agreement (a draft), and the local chair's signature that puts it in force or ends it.</summary>
internal sealed class AgreementHandlers(
    IrbDbContext db,
    ICurrentUser user,
    IElectronicSignatureService signatures,
    IrbKeyRing keys,
    MessagingSettings messaging,
    ILogger<AgreementHandlers> logger) :
    ICommandHandler<CreateAgreementCommand, Guid>,
    ICommandHandler<SignAgreementCommand, string>
{
    public async Task<Result<Guid>> HandleAsync(CreateAgreementCommand c, CancellationToken cancellationToken = default)
    {
        if (IrbAccess.Chair(user, c.LocalIrbId) is { } denied)
        {
            return denied;
        }

        var local = await db.Committees.SingleOrDefaultAsync(i => i.Id == c.LocalIrbId, cancellationToken);
        if (local is null)
        {
            return Error.NotFound("The local IRB");
        }

        var agreement = new Agreement(c.Name.Trim(), c.Scope, c.ListedTrialIds, c.ValidFrom, c.ValidTo,
        [
            new AgreementParty(local.Id, local.Name, messaging.CenterId, await keys.PublicKeyAsync(local.Id, cancellationToken)),
            new AgreementParty(c.PartnerIrbId, c.PartnerIrbName.Trim(), c.PartnerCenterId, c.PartnerPublicKey.Trim()),
        ]);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Agreement {AgreementId} drafted by {User} between {Local} and {Partner}@{Center}",
            agreement.Id, user.UserId, local.Id, c.PartnerIrbId, c.PartnerCenterId);
        return agreement.Id;
    }

    public async Task<Result<string>> HandleAsync(SignAgreementCommand c, CancellationToken cancellationToken = default)
    {
        if (IrbAccess.Chair(user, c.LocalIrbId) is { } denied)
        {
            return denied;
        }

        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == c.AgreementId, cancellationToken);
        if (agreement?.Party(c.LocalIrbId) is null)
        {
            return Error.NotFound("The agreement");
        }

        var signature = await signatures.SignAsync(new SignatureRequest("IrbAgreement", agreement.Id.ToString(), agreement.Content(),
            SignatureMeaning.Approval, c.UserName, c.Password), cancellationToken);
        if (signature.IsFailure)
        {
            return Result<string>.FromErrors(signature.Errors);
        }

        var outcome = c.End ? agreement.End(signature.Value) : agreement.Sign(signature.Value);
        if (outcome.IsFailure)
        {
            return Result<string>.FromErrors(outcome.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Agreement {AgreementId} {Action} by {User}", agreement.Id, c.End ? "ended" : "signed into force", user.UserId);
        return signature.Value.Display;
    }
}
