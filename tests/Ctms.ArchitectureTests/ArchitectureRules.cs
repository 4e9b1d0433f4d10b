using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace Ctms.ArchitectureTests;

/// <summary>
/// The architecture rules as plain functions: each takes what to check and returns the violations, one readable
/// line each (empty = the rule holds). Tests run them against the real assemblies and against the deliberately
/// broken fixtures in <c>Violations/</c>, so every rule is shown to be able to fail.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>What a domain namespace must not depend on: persistence, web/UI and the bus.</summary>
    public static readonly IReadOnlyList<string> DomainForbiddenNamespaces =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MudBlazor", "MassTransit"];

    /// <summary>
    /// Rule 1, module isolation. The types of <paramref name="module"/> (those of <paramref name="assembly"/> in
    /// <paramref name="namespacePrefix"/>) may use another module only through its Contracts: never a type of the
    /// other module's implementation assembly.
    /// </summary>
    public static IReadOnlyList<string> ModuleIsolation(
        string module, Assembly assembly, string namespacePrefix, IEnumerable<ModuleAssemblies> modules)
    {
        var violations = new List<string>();
        if (!TrySelect(assembly, namespacePrefix, violations, out var selection))
        {
            return violations;
        }

        foreach (var other in modules.Where(m => m.Name != module))
        {
            var forbidden = ImplementationNames(other);
            if (forbidden.Count == 0)
            {
                violations.Add($"Module {other.Name}: found no implementation namespaces to guard ({other.Implementation.GetName().Name}).");
                continue;
            }

            foreach (var type in Failing(selection().ShouldNot().HaveDependencyOnAny([.. forbidden])))
            {
                violations.Add($"{type} (module {module}) depends on the implementation of module {other.Name} " +
                    $"(one of: {string.Join(", ", forbidden)}); use {other.ContractsNamespace} instead.");
            }
        }

        return violations;
    }

    /// <summary>
    /// The names that identify a module's implementation for NetArchTest, which matches whole namespace segments:
    /// every sub-namespace of <c>Ctms.{M}</c> (except <c>.Contracts</c>) and the full name of each type that sits
    /// directly in <c>Ctms.{M}</c>. Guarding <c>Ctms.{M}</c> itself would also forbid <c>Ctms.{M}.Contracts</c>.
    /// </summary>
    public static IReadOnlyList<string> ImplementationNames(ModuleAssemblies module)
    {
        var root = module.RootNamespace;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.Implementation.GetTypes().Where(t => t.DeclaringType is null && !IsCompilerGenerated(t)))
        {
            var ns = type.Namespace ?? "";
            if (ns == root)
            {
                names.Add(type.FullName!);
            }
            else if (ns.StartsWith(root + ".", StringComparison.Ordinal) &&
                     ns != module.ContractsNamespace && !ns.StartsWith(module.ContractsNamespace + ".", StringComparison.Ordinal))
            {
                names.Add(ns);
            }
        }

        return [.. names];
    }

    /// <summary>
    /// Rule 2, contracts purity. A Contracts assembly references only the base class library (assemblies of
    /// Microsoft.NETCore.App), its public types live in its own namespace, and integration events are classes
    /// or records (MassTransit needs a namespaced reference type).
    /// </summary>
    public static IReadOnlyList<string> ContractsPurity(Assembly contracts)
    {
        var violations = new List<string>();
        var name = contracts.GetName().Name!;
        var bcl = BaseClassLibrary();

        foreach (var reference in contracts.GetReferencedAssemblies().Select(r => r.Name!).Order(StringComparer.Ordinal))
        {
            if (!bcl.Contains(reference))
            {
                violations.Add($"{name} references {reference}, which is not part of the base class library.");
            }
        }

        foreach (var type in contracts.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var ns = type.Namespace;
            if (ns is null || (ns != name && !ns.StartsWith(name + ".", StringComparison.Ordinal)))
            {
                violations.Add($"{type.FullName} is public in {name} but outside the namespace {name}.");
            }

            if (ns is not null && (ns.EndsWith(".IntegrationEvents", StringComparison.Ordinal) || ns.Contains(".IntegrationEvents.", StringComparison.Ordinal)) &&
                !(type.IsClass && !type.IsAbstract && !type.IsGenericTypeDefinition))
            {
                violations.Add($"{type.FullName} is an integration event but not a concrete, non-generic class or record.");
            }
        }

        return violations;
    }

    /// <summary>Names of the assemblies of the shared framework Microsoft.NETCore.App (the BCL).</summary>
    public static IReadOnlySet<string> BaseClassLibrary()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var names = Directory.EnumerateFiles(folder, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        names.Add("netstandard");
        names.Add("mscorlib");
        return names;
    }

    /// <summary>
    /// Rule 3, a domain free of EF, web/UI and the bus. Types of <paramref name="assembly"/> in any
    /// <c>Ctms.….Domain</c> namespace must not depend on <see cref="DomainForbiddenNamespaces"/>.
    /// <paramref name="exemptions"/> maps "type full name|forbidden namespace" to the reason it is allowed.
    /// </summary>
    public static IReadOnlyList<string> DomainPurity(Assembly assembly, IReadOnlyDictionary<string, string>? exemptions = null)
    {
        exemptions ??= new Dictionary<string, string>();
        var violations = new List<string>();
        foreach (var forbidden in DomainForbiddenNamespaces)
        {
            var result = DomainTypes(assembly).ShouldNot().HaveDependencyOn(forbidden);
            foreach (var type in Failing(result))
            {
                if (!exemptions.ContainsKey($"{type}|{forbidden}"))
                {
                    violations.Add($"{type} is domain code but depends on {forbidden}.");
                }
            }
        }

        return violations;
    }

    /// <summary>The types rule 3 checks: those in a namespace with a <c>Domain</c> segment under <c>Ctms</c>.</summary>
    public static PredicateList DomainTypes(Assembly assembly) =>
        Types.InAssembly(assembly).That().ResideInNamespaceMatching(@"^Ctms(\.[A-Za-z0-9_]+)*\.Domain(\.|$)");

    /// <summary>
    /// Rule 4, a module's public surface: of <paramref name="types"/>, only the static class
    /// <c>Ctms.{M}.{M}Module</c> and Razor components may be public, with the models nested inside a component
    /// (a component's parameters must be public types, so its form models are). Compiler-generated types are
    /// ignored, and so is <c>_Imports</c>: Razor compiles each <c>_Imports.razor</c> to a public class with an empty <c>Execute</c>.
    /// </summary>
    public static IReadOnlyList<string> ModulePublicSurface(string module, IEnumerable<Type> types)
    {
        var entry = $"Ctms.{module}.{module}Module";
        var violations = new List<string>();
        foreach (var type in types.Where(t => t.IsVisible && !IsCompilerGenerated(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var isEntry = type.FullName == entry && type.IsAbstract && type.IsSealed;
            var isComponent = typeof(ComponentBase).IsAssignableFrom(type) ||
                              (type.DeclaringType is { } owner && typeof(ComponentBase).IsAssignableFrom(owner));
            if (!isEntry && !isComponent && !IsRazorImports(type))
            {
                violations.Add($"{type.FullName} is public in module {module}; only {entry} (static) and Razor components may be.");
            }
        }

        return violations;
    }

    /// <summary>
    /// Rule 5, Shared holds no module knowledge: the types of <paramref name="assembly"/> in
    /// <paramref name="namespacePrefix"/> depend on no <c>Ctms.{M}</c> namespace, Contracts included.
    /// </summary>
    public static IReadOnlyList<string> NoModuleKnowledge(Assembly assembly, string namespacePrefix, IEnumerable<string> moduleNames)
    {
        var violations = new List<string>();
        if (!TrySelect(assembly, namespacePrefix, violations, out var selection))
        {
            return violations;
        }

        foreach (var module in moduleNames)
        {
            foreach (var type in Failing(selection().ShouldNot().HaveDependencyOn($"Ctms.{module}")))
            {
                violations.Add($"{type} is a building block but depends on module {module} (Ctms.{module}).");
            }
        }

        return violations;
    }

    private static bool IsRazorImports(Type type) =>
        type.Name == "_Imports" && type.BaseType == typeof(object) &&
        type.GetMembers(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .All(m => m.Name is "Execute" or ".ctor");

    public static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) ||
        type.Name.StartsWith('<') ||
        type.FullName?.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal) == true ||
        type.FullName?.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal) == true;

    /// <summary>Selects the types of an assembly in a namespace; an empty selection is itself reported (a rule over nothing proves nothing).</summary>
    private static bool TrySelect(Assembly assembly, string namespacePrefix, List<string> violations, out Func<PredicateList> selection)
    {
        selection = () => Types.InAssembly(assembly).That().ResideInNamespace(namespacePrefix);
        if (!selection().GetTypes().Any())
        {
            violations.Add($"No types of {assembly.GetName().Name} reside in {namespacePrefix}: nothing was checked.");
            return false;
        }

        return true;
    }

    private static IEnumerable<string> Failing(ConditionList condition)
    {
        var result = condition.GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames ?? [];
    }
}
