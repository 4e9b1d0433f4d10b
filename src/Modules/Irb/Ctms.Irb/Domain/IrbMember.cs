using Ctms.Shared.Audit;
namespace Ctms.Irb.Domain;

/// <summary>A person on an IRB: member, chair or alternate (user id is the Identity module's, by value).</summary>
internal sealed class IrbMember : IAuditable
{
    private IrbMember() { }

    public IrbMember(Guid irbId, string userId, string name, string role)
    {
        Id = Guid.NewGuid();
        IrbId = irbId;
        UserId = userId;
        Name = name;
        Role = role;
    }

    public Guid Id { get; private set; }
    public Guid IrbId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Role { get; private set; } = MemberRoles.Member;
}
