using System.Reflection;

namespace Ctms.Web.Hosting;

/// <summary>Module assemblies whose pages the router and endpoint mapping must know.</summary>
internal static class ModuleAssemblies
{
    public static readonly Assembly[] WithPages =
    [
        typeof(Ctms.Trials.TrialsModule).Assembly,
        typeof(Ctms.Sites.SitesModule).Assembly,
        typeof(Ctms.Irb.IrbModule).Assembly,
        typeof(Ctms.Subjects.SubjectsModule).Assembly,
        typeof(Ctms.Identity.IdentityModule).Assembly,
        typeof(Ctms.Reporting.ReportingModule).Assembly,
        typeof(Ctms.SiteSync.SiteSyncModule).Assembly,
    ];
}
