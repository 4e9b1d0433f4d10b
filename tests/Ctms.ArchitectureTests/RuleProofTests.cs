using System.Reflection;

namespace Ctms.ArchitectureTests;

/// <summary>
/// Each rule, run on the deliberately broken fixtures in <c>Violations/</c>, reports them: a rule that cannot fail
/// proves nothing.
/// </summary>
[Trait("Category", "Foundation")]
public sealed class RuleProofTests
{
    private static readonly Assembly Fixtures = typeof(RuleProofTests).Assembly;

    [Fact]
    public void Module_isolation_flags_a_call_into_another_modules_implementation()
    {
        var violations = ArchitectureRules.ModuleIsolation("Reporting", Fixtures, "Ctms.Reporting.Fake", ModuleCatalog.All);

        var violation = Assert.Single(violations);
        Assert.StartsWith("Ctms.Reporting.Fake.ReportingReachesIntoSubjects (module Reporting) depends on the implementation of module Subjects", violation, StringComparison.Ordinal);
        Assert.Contains("Ctms.Subjects.SubjectsModule", violation, StringComparison.Ordinal);
        Assert.Contains("use Ctms.Subjects.Contracts instead", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_isolation_does_not_confuse_sites_with_sitesync_or_contracts()
    {
        var sites = ArchitectureRules.ImplementationNames(ModuleCatalog.Get("Sites"));

        Assert.DoesNotContain(sites, n => n.StartsWith("Ctms.SiteSync", StringComparison.Ordinal));
        Assert.DoesNotContain(sites, n => n.StartsWith("Ctms.Sites.Contracts", StringComparison.Ordinal));
        Assert.DoesNotContain("Ctms.Sites", sites);
    }

    [Fact]
    public void Module_isolation_reports_an_empty_selection_instead_of_passing()
    {
        var violations = ArchitectureRules.ModuleIsolation("Reporting", Fixtures, "Ctms.Nowhere", ModuleCatalog.All);

        Assert.Contains("nothing was checked", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void Contracts_purity_flags_non_bcl_references_and_misplaced_public_types()
    {
        // The test assembly is a "contracts" assembly that breaks every part of the rule.
        var violations = ArchitectureRules.ContractsPurity(Fixtures);

        Assert.Contains("Ctms.ArchitectureTests references NetArchTest.Rules, which is not part of the base class library.", violations);
        Assert.Contains("Ctms.ArchitectureTests references xunit.core, which is not part of the base class library.", violations);
        Assert.Contains("Ctms.ArchitectureTests references Ctms.Subjects, which is not part of the base class library.", violations);
        Assert.Contains("Ctms.Fake.Features.LeakyService is public in Ctms.ArchitectureTests but outside the namespace Ctms.ArchitectureTests.", violations);
        Assert.Contains("Ctms.Fake.Contracts.IntegrationEvents.IFakeHappened is an integration event but not a concrete, non-generic class or record.", violations);
        Assert.DoesNotContain(violations, v => v.StartsWith("Ctms.ArchitectureTests.RuleProofTests ", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(" references System.Runtime,", StringComparison.Ordinal));
    }

    [Fact]
    public void Base_class_library_means_the_shared_framework_only()
    {
        var bcl = ArchitectureRules.BaseClassLibrary();

        Assert.Contains("System.Runtime", bcl);
        Assert.Contains("System.Collections", bcl);
        Assert.DoesNotContain("Microsoft.Extensions.DependencyInjection.Abstractions", bcl);
        Assert.DoesNotContain("Microsoft.AspNetCore.Components", bcl);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore", bcl);
    }

    [Fact]
    public void Domain_purity_flags_ef_and_bus_dependencies_in_domain_namespaces()
    {
        var violations = ArchitectureRules.DomainPurity(Fixtures);

        Assert.Equal(
        [
            "Ctms.Fake.Domain.LeakyEntity is domain code but depends on Microsoft.EntityFrameworkCore.",
            "Ctms.Fake.Domain.Rules.ChattyRule is domain code but depends on MassTransit.",
        ], violations);
    }

    [Fact]
    public void Domain_exemption_lifts_only_the_named_dependency()
    {
        var violations = ArchitectureRules.DomainPurity(Fixtures, new Dictionary<string, string>
        {
            ["Ctms.Fake.Domain.LeakyEntity|Microsoft.EntityFrameworkCore"] = "proving the exemption",
            ["Ctms.Fake.Domain.Rules.ChattyRule|Microsoft.EntityFrameworkCore"] = "not the dependency it has",
        });

        Assert.Equal(["Ctms.Fake.Domain.Rules.ChattyRule is domain code but depends on MassTransit."], violations);
    }

    [Fact]
    public void Public_surface_flags_a_public_type_that_is_neither_entry_point_nor_component()
    {
        var types = Fixtures.GetTypes().Where(t => t.Namespace is "Ctms.Fake" or "Ctms.Fake.Features").ToList();
        Assert.Contains(typeof(Ctms.Fake.FakeModule), types);
        Assert.Contains(typeof(Ctms.Fake.Features.FakePage), types);

        var violations = ArchitectureRules.ModulePublicSurface("Fake", types);

        Assert.Equal(
            ["Ctms.Fake.Features.LeakyService is public in module Fake; only Ctms.Fake.FakeModule (static) and Razor components may be."],
            violations);
    }

    [Fact]
    public void Public_surface_flags_the_entry_point_under_another_modules_name()
    {
        var violations = ArchitectureRules.ModulePublicSurface("Other", [typeof(Ctms.Fake.FakeModule)]);

        Assert.Contains("Ctms.Fake.FakeModule is public in module Other", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void No_module_knowledge_flags_a_building_block_that_uses_module_contracts()
    {
        var violations = ArchitectureRules.NoModuleKnowledge(Fixtures, "Ctms.Fake.Shared", ModuleCatalog.Names);

        Assert.Equal(["Ctms.Fake.Shared.SharedKnowsTrials is a building block but depends on module Trials (Ctms.Trials)."], violations);
    }
}
