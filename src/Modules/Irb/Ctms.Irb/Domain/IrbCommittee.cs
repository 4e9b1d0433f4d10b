using Ctms.Shared.Audit;

namespace Ctms.Irb.Domain;

internal sealed class IrbCommittee : IAuditable
{
    private IrbCommittee() { }

    public IrbCommittee(Guid id, Guid institutionId, string name)
    {
        Id = id;
        InstitutionId = institutionId;
        Name = name;
    }

    public Guid Id { get; private set; }

    /// <summary>An id in the Sites module; no foreign key crosses modules.</summary>
    public Guid InstitutionId { get; private set; }

    public string Name { get; private set; } = "";
}
