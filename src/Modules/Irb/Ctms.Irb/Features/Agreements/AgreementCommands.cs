using Ctms.Irb.Domain;
using Ctms.Shared.Handlers;
using FluentValidation;

namespace Ctms.Irb.Features.Agreements;

/// <summary>A reliance agreement between a local IRB and a partner IRB (at this center or another), with the partner's public key.</summary>
internal sealed record CreateAgreementCommand(
    string Name,
    Guid LocalIrbId,
    Guid PartnerIrbId,
    string PartnerIrbName,
    string PartnerCenterId,
    string PartnerPublicKey,
    string Scope,
    IReadOnlyList<Guid> ListedTrialIds,
    DateOnly ValidFrom,
    DateOnly? ValidTo) : ICommand<Guid>;

internal sealed record SignAgreementCommand(Guid AgreementId, Guid LocalIrbId, bool End, string? UserName, string Password) : ICommand<string>;

internal sealed class CreateAgreementValidator : AbstractValidator<CreateAgreementCommand>
{
    public CreateAgreementValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Name the agreement.").MaximumLength(300);
        RuleFor(c => c.LocalIrbId).NotEmpty();
        RuleFor(c => c.PartnerIrbId).NotEmpty().WithMessage("Give the partner IRB's id.")
            .NotEqual(c => c.LocalIrbId).WithMessage("An IRB does not need an agreement with itself.");
        RuleFor(c => c.PartnerIrbName).NotEmpty().WithMessage("Give the partner IRB's name.").MaximumLength(300);
        RuleFor(c => c.PartnerCenterId).NotEmpty().Matches("^[a-z0-9-]+$").WithMessage("The partner center id is lower-case letters, digits and '-'.");
        RuleFor(c => c.PartnerPublicKey).NotEmpty().Must(BeAnEcP256PublicKey)
            .WithMessage("The partner public key must be an ECDSA P-256 SubjectPublicKeyInfo in base64.");
        RuleFor(c => c.Scope).Must(s => AgreementScopes.Values.Contains(s))
            .WithMessage($"The scope is one of: {string.Join(", ", AgreementScopes.Values)}.");
        RuleFor(c => c.ListedTrialIds).NotEmpty().When(c => c.Scope == AgreementScopes.ListedTrials)
            .WithMessage("List the trials the agreement covers.");
        RuleFor(c => c.ValidTo).GreaterThanOrEqualTo(c => c.ValidFrom).When(c => c.ValidTo is not null)
            .WithMessage("The agreement cannot end before it starts.");
    }

    private static bool BeAnEcP256PublicKey(string key)
    {
        try
        {
            using var ecdsa = System.Security.Cryptography.ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key), out _);
            return ecdsa.KeySize == 256;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}

internal sealed class SignAgreementValidator : AbstractValidator<SignAgreementCommand>
{
    public SignAgreementValidator() => RuleFor(c => c.Password).NotEmpty().WithMessage("Re-enter your password to sign.");
}
