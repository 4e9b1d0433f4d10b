namespace Ctms.ArchitectureTests;

/// <summary>The rules hold for the real assemblies. Each failure message lists every violation.</summary>
[Trait("Category", "Foundation")]
public sealed class ModuleRulesTests
{
    /// <summary>
    /// Known, reviewed exceptions to rule 3, keyed "type|forbidden namespace". Keep this list short and justified.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DomainExemptions = new Dictionary<string, string>
    {
        ["Ctms.Identity.Domain.CtmsUser|Microsoft.AspNetCore"] =
            "derives from ASP.NET Core Identity's IdentityUser (Microsoft.AspNetCore.Identity, a POCO: no EF, HTTP or UI)",
    };

    private static string Report(IReadOnlyList<string> violations) =>
        $"{violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}";

    [Fact]
    public void Catalog_covers_every_module_assembly_in_the_output()
    {
        var infrastructure = new HashSet<string>(StringComparer.Ordinal)
        {
            "Ctms.Shared", "Ctms.Web", "Ctms.ArchitectureTests",
            "Ctms.Migrations.Sqlite", "Ctms.Migrations.PostgreSql", "Ctms.Migrations.SqlServer",
        };
        var expected = ModuleCatalog.All.SelectMany(m => new[] { m.Implementation.GetName().Name!, m.Contracts.GetName().Name! });

        var found = Directory.EnumerateFiles(AppContext.BaseDirectory, "Ctms.*.dll")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(n => !infrastructure.Contains(n))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), found);
        Assert.Equal(7, ModuleCatalog.All.Count);
        Assert.All(ModuleCatalog.All, m => Assert.Equal(m.RootNamespace, m.Implementation.GetName().Name));
        Assert.All(ModuleCatalog.All, m => Assert.Equal(m.ContractsNamespace, m.Contracts.GetName().Name));
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.ModuleNames), MemberType = typeof(ModuleCatalog))]
    public void Module_uses_other_modules_only_through_their_contracts(string module)
    {
        var self = ModuleCatalog.Get(module);

        var violations = ArchitectureRules.ModuleIsolation(module, self.Implementation, self.RootNamespace, ModuleCatalog.All);

        Assert.True(violations.Count == 0, Report(violations));
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.ModuleNames), MemberType = typeof(ModuleCatalog))]
    public void Module_implementation_names_cover_its_namespaces_but_not_its_contracts(string module)
    {
        var self = ModuleCatalog.Get(module);

        var names = ArchitectureRules.ImplementationNames(self);

        Assert.Contains($"Ctms.{module}.{module}Module", names);
        Assert.DoesNotContain(names, n => n == self.RootNamespace || n.StartsWith(self.ContractsNamespace, StringComparison.Ordinal));
        Assert.All(names, n => Assert.StartsWith(self.RootNamespace + ".", n, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.ModuleNames), MemberType = typeof(ModuleCatalog))]
    public void Contracts_reference_only_the_base_class_library(string module)
    {
        var violations = ArchitectureRules.ContractsPurity(ModuleCatalog.Get(module).Contracts);

        Assert.True(violations.Count == 0, Report(violations));
    }

    [Fact]
    public void Domain_code_is_free_of_ef_web_ui_and_the_bus()
    {
        var violations = ModuleCatalog.All
            .SelectMany(m => ArchitectureRules.DomainPurity(m.Implementation, DomainExemptions))
            .ToList();

        Assert.True(violations.Count == 0, Report(violations));
    }

    [Fact]
    public void Domain_selection_finds_the_real_domain_types()
    {
        var subjects = ArchitectureRules.DomainTypes(ModuleCatalog.Get("Subjects").Implementation).GetTypes()
            .Select(t => t.FullName).ToList();

        Assert.Contains("Ctms.Subjects.Domain.Subject", subjects);
        Assert.Contains("Ctms.Subjects.Domain.Rules.EnrollmentRules", subjects);
        Assert.DoesNotContain(subjects, n => n!.Contains(".Features.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_domain_exemption_is_still_needed()
    {
        // An exemption whose dependency is gone must be deleted, or it would silently allow a future violation.
        var unexempted = ModuleCatalog.All.SelectMany(m => ArchitectureRules.DomainPurity(m.Implementation)).ToList();

        foreach (var key in DomainExemptions.Keys)
        {
            var (type, forbidden) = (key.Split('|')[0], key.Split('|')[1]);
            Assert.Contains($"{type} is domain code but depends on {forbidden}.", unexempted);
        }
    }

    [Theory]
    [MemberData(nameof(ModuleCatalog.ModuleNames), MemberType = typeof(ModuleCatalog))]
    public void Module_exposes_only_its_entry_point_and_razor_components(string module)
    {
        var self = ModuleCatalog.Get(module);

        var violations = ArchitectureRules.ModulePublicSurface(module, self.Implementation.GetTypes());

        Assert.True(violations.Count == 0, Report(violations));
        Assert.Contains(self.Implementation.GetExportedTypes(), t => t.FullName == $"Ctms.{module}.{module}Module");
    }

    [Fact]
    public void Shared_holds_no_module_knowledge()
    {
        var violations = ArchitectureRules.NoModuleKnowledge(ModuleCatalog.Shared, "Ctms.Shared", ModuleCatalog.Names);

        Assert.True(violations.Count == 0, Report(violations));
    }
}
