using Microsoft.AspNetCore.Components;

// Fixtures for rule 4 (module public surface) for an imaginary module "Fake".
namespace Ctms.Fake
{
    /// <summary>Allowed: the module's static entry point.</summary>
    public static class FakeModule
    {
        public static string Name => "fake";
    }
}

namespace Ctms.Fake.Features
{
    /// <summary>Allowed: Razor components are public by nature.</summary>
    public sealed class FakePage : ComponentBase;

    /// <summary>Deliberate violation: a public type that is neither the entry point nor a component.</summary>
    public sealed class LeakyService
    {
        public int Answer() => 42;
    }

    /// <summary>Allowed: internal.</summary>
    internal sealed class HiddenService
    {
        public int Answer() => 41;
    }
}
