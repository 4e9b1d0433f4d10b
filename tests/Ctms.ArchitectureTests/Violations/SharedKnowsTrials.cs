using Ctms.Trials.Contracts;

// Deliberate violation of rule 5: a "building block" that knows a module (even only its Contracts).
namespace Ctms.Fake.Shared
{
    internal static class SharedKnowsTrials
    {
        public static bool IsOpen(TrialSummary trial) => trial.IsRecruiting;
    }

    /// <summary>Clean building block: must not be reported.</summary>
    internal static class CleanBuildingBlock
    {
        public static int Twice(int value) => value * 2;
    }
}

// Deliberate violation of rule 2: a public "integration event" that is an interface (not a class or record).
namespace Ctms.Fake.Contracts.IntegrationEvents
{
    public interface IFakeHappened
    {
        Guid Id { get; }
    }
}
