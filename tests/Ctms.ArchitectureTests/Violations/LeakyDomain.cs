using MassTransit;
using Microsoft.EntityFrameworkCore;

// Deliberate violations of rule 3 (domain free of EF, web/UI and the bus).
namespace Ctms.Fake.Domain
{
    internal sealed class LeakyEntity
    {
        public DbContext? Context { get; set; }

        public int Tracked() => Context?.ChangeTracker.Entries().Count() ?? 0;
    }

    /// <summary>Clean domain code: must not be reported.</summary>
    internal sealed class CleanEntity
    {
        public Guid Id { get; } = Guid.NewGuid();
    }
}

namespace Ctms.Fake.Domain.Rules
{
    internal static class ChattyRule
    {
        public static Task Announce(IPublishEndpoint bus) => bus.Publish(new CleanMessage("announced"));
    }

    internal sealed record CleanMessage(string Text);
}
