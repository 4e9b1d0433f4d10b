using Ctms.Shared.Audit;

namespace Ctms.Sites.Domain;

internal sealed class Site : IAuditable
{
    private Site() { }

    public Site(Guid id, Guid trialId, Guid institutionId, string code, string principalInvestigator, int targetEnrollment)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 10)
        {
            throw new ArgumentException("A site code is 1 to 10 characters; it prefixes subject numbers.", nameof(code));
        }

        Id = id;
        TrialId = trialId;
        InstitutionId = institutionId;
        Code = code;
        PrincipalInvestigator = principalInvestigator;
        TargetEnrollment = targetEnrollment;
        Status = SiteStatus.Pending;
    }

    public Guid Id { get; private set; }

    /// <summary>An id in the Trials module; no foreign key crosses modules.</summary>
    public Guid TrialId { get; private set; }

    public Guid InstitutionId { get; private set; }
    public string Code { get; private set; } = "";
    public string PrincipalInvestigator { get; private set; } = "";
    public string Status { get; private set; } = SiteStatus.Pending;
    public int TargetEnrollment { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Demo seeding activates directly; the activation checks arrive with the sites issue.</summary>
    public void Activate(DateTimeOffset at)
    {
        Status = SiteStatus.Active;
        ActivatedAt = at;
        Version++;
    }
}
