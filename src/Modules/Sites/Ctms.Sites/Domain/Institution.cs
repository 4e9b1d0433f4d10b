using Ctms.Shared.Audit;

namespace Ctms.Sites.Domain;

internal sealed class Institution : IAuditable
{
    private Institution() { }

    public Institution(Guid id, string name, string country, Guid irbId)
    {
        Id = id;
        Name = name;
        Country = country;
        IrbId = irbId;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Country { get; private set; } = "";

    /// <summary>The IRB that governs this institution (an id in the Irb module).</summary>
    public Guid IrbId { get; private set; }
}
