using Ctms.Subjects;
using Microsoft.Extensions.DependencyInjection;

// Deliberate violation of rule 1 (module isolation): "Reporting" code that uses the Subjects module's
// implementation (its public entry point) instead of Ctms.Subjects.Contracts.
namespace Ctms.Reporting.Fake;

internal static class ReportingReachesIntoSubjects
{
    public static IServiceCollection Wire(IServiceCollection services) => services.AddSubjectsModule();
}

/// <summary>Allowed: Reporting may use another module's Contracts. Must not be reported.</summary>
internal static class ReportingUsesSubjectsContracts
{
    public static string Describe(Ctms.Subjects.Contracts.IntegrationEvents.SubjectEnrolled enrolled) => enrolled.SubjectNumber;
}
