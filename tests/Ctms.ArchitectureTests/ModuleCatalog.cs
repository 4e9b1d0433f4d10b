using System.Reflection;

namespace Ctms.ArchitectureTests;

/// <summary>One module: its implementation assembly <c>Ctms.{Name}</c> and its contracts <c>Ctms.{Name}.Contracts</c>.</summary>
public sealed record ModuleAssemblies(string Name, Assembly Implementation, Assembly Contracts)
{
    public string RootNamespace => $"Ctms.{Name}";
    public string ContractsNamespace => $"Ctms.{Name}.Contracts";
}

/// <summary>The real assemblies under test, found through marker types (and by name where a project has no types yet).</summary>
public static class ModuleCatalog
{
    public static readonly IReadOnlyList<ModuleAssemblies> All =
    [
        new("Trials", typeof(Ctms.Trials.TrialsModule).Assembly, typeof(Ctms.Trials.Contracts.ITrialsQueries).Assembly),
        new("Sites", typeof(Ctms.Sites.SitesModule).Assembly, typeof(Ctms.Sites.Contracts.ISitesQueries).Assembly),
        new("Subjects", typeof(Ctms.Subjects.SubjectsModule).Assembly, typeof(Ctms.Subjects.Contracts.ISubjectsQueries).Assembly),
        new("Irb", typeof(Ctms.Irb.IrbModule).Assembly, typeof(Ctms.Irb.Contracts.IIrbQueries).Assembly),
        new("Identity", typeof(Ctms.Identity.IdentityModule).Assembly,
            typeof(Ctms.Identity.Contracts.IntegrationEvents.UserAccountCreated).Assembly),
        new("Reporting", typeof(Ctms.Reporting.ReportingModule).Assembly, typeof(Ctms.Reporting.Contracts.IReportingQueries).Assembly),
        // SiteSync.Contracts has no types yet, so there is no marker to take it from.
        new("SiteSync", typeof(Ctms.SiteSync.SiteSyncModule).Assembly, Assembly.Load("Ctms.SiteSync.Contracts")),
    ];

    public static IReadOnlyList<string> Names => All.Select(m => m.Name).ToList();

    public static Assembly Shared => typeof(Ctms.Shared.Results.Result).Assembly;

    public static ModuleAssemblies Get(string name) => All.Single(m => m.Name == name);

    public static TheoryData<string> ModuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var module in All)
        {
            data.Add(module.Name);
        }

        return data;
    }
}
