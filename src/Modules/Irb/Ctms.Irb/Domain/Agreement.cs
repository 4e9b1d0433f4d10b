using Ctms.Shared.Audit;
using Ctms.Shared.Results;
using Ctms.Shared.Signatures;

namespace Ctms.Irb.Domain;

/// <summary>
/// A mutual recognition (reliance) agreement between IRBs, possibly at other centers: who recognises whom, for
/// which reviews, from when to when, and each party's public key for verifying signed decisions. In force only
/// once signed by the local IRB's chair, and until ended (also signed).
/// </summary>
internal sealed class Agreement : IAuditable
{
    private readonly List<AgreementParty> _parties = [];

    private Agreement() { }

    public Agreement(string name, string scope, IReadOnlyList<Guid> listedTrialIds, DateOnly validFrom, DateOnly? validTo, IEnumerable<AgreementParty> parties)
    {
        Id = Guid.NewGuid();
        Name = name;
        Scope = scope;
        ListedTrialIds = [.. listedTrialIds];
        ValidFrom = validFrom;
        ValidTo = validTo;
        _parties.AddRange(parties);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Scope { get; private set; } = AgreementScopes.All;
    public List<Guid> ListedTrialIds { get; private set; } = [];
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }
    public string Status { get; private set; } = AgreementStatus.Draft;
    public string? SignedBy { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? EndedBy { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AgreementParty> Parties => _parties;

    public string Content() =>
        string.Join('\n', $"agreement:{Id}", $"name:{Name}", $"scope:{Scope}", $"trials:{string.Join(',', ListedTrialIds.Order())}",
            $"from:{ValidFrom:yyyy-MM-dd}", $"to:{ValidTo:yyyy-MM-dd}",
            string.Join('\n', _parties.OrderBy(p => p.IrbId).Select(p => $"party:{p.IrbId}@{p.CenterId}:{p.PublicKey}")));

    public Result Sign(SignatureManifestation signature)
    {
        if (Status != AgreementStatus.Draft)
        {
            return Result.Failure(Error.Rule("not-draft", "Only a draft agreement can be signed into force."));
        }

        if (!signature.Covers(Content()))
        {
            return Result.Failure(Error.Rule("content-changed", "The agreement changed while it was being signed."));
        }

        Status = AgreementStatus.Active;
        SignedBy = signature.Display;
        SignedAt = signature.SignedAtUtc;
        Version++;
        return Result.Success();
    }

    public Result End(SignatureManifestation signature)
    {
        if (Status != AgreementStatus.Active)
        {
            return Result.Failure(Error.Rule("not-active", "Only an active agreement can be ended."));
        }

        Status = AgreementStatus.Ended;
        EndedBy = signature.Display;
        EndedAt = signature.SignedAtUtc;
        Version++;
        return Result.Success();
    }

    public bool InForceOn(DateOnly date) =>
        Status == AgreementStatus.Active && ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public bool Covers(Guid trialId, string riskLevel) => Scope switch
    {
        AgreementScopes.All => true,
        AgreementScopes.MinimalRisk => riskLevel == RiskLevels.Minimal,
        AgreementScopes.ListedTrials => ListedTrialIds.Contains(trialId),
        _ => false,
    };

    public AgreementParty? Party(Guid irbId) => _parties.SingleOrDefault(p => p.IrbId == irbId);
}

internal sealed class AgreementParty : IAuditable
{
    private AgreementParty() { }

    public AgreementParty(Guid irbId, string irbName, string centerId, string publicKey)
    {
        Id = Guid.NewGuid();
        IrbId = irbId;
        IrbName = irbName;
        CenterId = centerId;
        PublicKey = publicKey;
    }

    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public Guid IrbId { get; private set; }
    public string IrbName { get; private set; } = "";
    public string CenterId { get; private set; } = "";

    /// <summary>SubjectPublicKeyInfo (DER), base64: ECDSA P-256.</summary>
    public string PublicKey { get; private set; } = "";
}

internal static class AgreementScopes
{
    public const string All = "all";
    public const string MinimalRisk = "minimal-risk";
    public const string ListedTrials = "listed-trials";

    public static readonly IReadOnlyList<string> Values = [All, MinimalRisk, ListedTrials];
}

internal static class AgreementStatus
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Ended = "ended";
}
