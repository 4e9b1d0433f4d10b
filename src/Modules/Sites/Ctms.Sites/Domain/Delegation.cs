using Ctms.Shared.Audit;
using System.Globalization;
using Ctms.Shared.Results;
using Ctms.Shared.Signatures;

namespace Ctms.Sites.Domain;

/// <summary>A person on a site's staff: linked by value to an Identity user (id and email; no foreign key).</summary>
internal sealed class StaffMember : IAuditable
{
    private StaffMember() { }

    public StaffMember(Guid id, Guid siteId, string userId, string email, string displayName, string role, DateOnly? gcpTrainingExpiresOn)
    {
        Id = id;
        SiteId = siteId;
        UserId = userId;
        Email = email;
        DisplayName = displayName;
        Role = role;
        GcpTrainingExpiresOn = gcpTrainingExpiresOn;
    }

    public Guid Id { get; private set; }
    public Guid SiteId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    /// <summary>Free text: sub-investigator, study nurse, pharmacist …</summary>
    public string Role { get; private set; } = "";

    public DateOnly? GcpTrainingExpiresOn { get; private set; }

    public bool TrainingCurrentOn(DateOnly date) => GcpTrainingExpiresOn is { } expiry && date <= expiry;

    public void RecordTraining(DateOnly? expiresOn) => GcpTrainingExpiresOn = expiresOn;
}

/// <summary>
/// One line of the delegation log: a staff member, the responsibilities the PI delegates, from a start date to an
/// optional end date, signed by the PI (21 CFR Part 11, meaning responsibility). The signature covers the staff
/// member, the responsibilities and the start date: editing them invalidates it (visibly, the old signature is
/// kept for the record). Ending an entry records the end date without deleting anything.
/// </summary>
internal sealed class DelegationEntry : IAuditable
{
    private DelegationEntry() { }

    public DelegationEntry(Guid id, Guid siteId, Guid staffMemberId, string staffUserId, IEnumerable<string> responsibilities, DateOnly startDate, DateTimeOffset createdAt)
    {
        Id = id;
        SiteId = siteId;
        StaffMemberId = staffMemberId;
        StaffUserId = staffUserId;
        Responsibilities = Normalise(responsibilities);
        StartDate = startDate;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid SiteId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public string StaffUserId { get; private set; } = "";
    public List<string> Responsibilities { get; private set; } = [];
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? SignatureId { get; private set; }
    public string? SignedByUserId { get; private set; }
    public string? SignedByName { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedContentHash { get; private set; }

    /// <summary>When an edit invalidated the signature; null while the signature (if any) stands.</summary>
    public DateTimeOffset? SignatureInvalidatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The canonical content the PI signs.</summary>
    public string SignedContent() =>
        string.Join('|', "delegation", SiteId.ToString("N"), StaffUserId, string.Join(',', Responsibilities), StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public bool IsSigned => SignatureId is not null && SignedContentHash == SignatureHash.Of(SignedContent());

    public bool CoversOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    public static List<string> Normalise(IEnumerable<string> responsibilities) =>
        responsibilities.Distinct(StringComparer.Ordinal).OrderBy(r => Array.IndexOf(Responsibility.All.ToArray(), r)).ToList();

    public Error? Edit(IEnumerable<string> responsibilities, DateOnly startDate, DateTimeOffset at)
    {
        if (EndDate is not null)
        {
            return Error.Rule("delegation-ended", "An ended delegation is kept as history and cannot be edited; add a new entry instead.");
        }

        var wasSigned = IsSigned;
        Responsibilities = Normalise(responsibilities);
        StartDate = startDate;
        if (wasSigned && !IsSigned)
        {
            SignatureInvalidatedAt = at;
        }

        Version++;
        return null;
    }

    public void Sign(SignatureManifestation signature)
    {
        SignatureId = signature.SignatureId;
        SignedByUserId = signature.SignerUserId;
        SignedByName = signature.PrintedName;
        SignedAt = signature.SignedAtUtc;
        SignedContentHash = signature.ContentHash;
        SignatureInvalidatedAt = null;
        Version++;
    }

    public Error? End(DateOnly endDate)
    {
        if (EndDate is not null)
        {
            return Error.Rule("delegation-ended", $"This delegation already ended on {EndDate:yyyy-MM-dd}.");
        }

        if (endDate < StartDate)
        {
            return Error.Validation("EndDate", "The end date cannot be before the start date.");
        }

        EndDate = endDate;
        Version++;
        return null;
    }
}

/// <summary>A user account known from Identity's UserAccountCreated events, so staff are added by email.</summary>
internal sealed class KnownUser
{
    private KnownUser() { }

    public KnownUser(string userId, string email, string displayName, string roles)
    {
        UserId = userId;
        Email = email;
        DisplayName = displayName;
        Roles = roles;
    }

    public string UserId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Roles { get; private set; } = "";
}
