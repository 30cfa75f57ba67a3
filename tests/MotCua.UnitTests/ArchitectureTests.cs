using System.Reflection;
using MotCua.Data;
using MotCua.Kernel;
using MotCua.Organization;

namespace MotCua.UnitTests;

/// <summary>Keeps the dependency order of architecture.md: Kernel ← Organization ← …; modules never reference Data.</summary>
public class ArchitectureTests
{
    private static IEnumerable<string> MotCuaReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("MotCua.", StringComparison.Ordinal));

    [Fact]
    public void Kernel_depends_on_no_module() =>
        MotCuaReferences(typeof(KernelModule).Assembly).Should().BeEmpty();

    [Fact]
    public void Organization_depends_on_Kernel_only() =>
        MotCuaReferences(typeof(OrganizationModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel"]);

    [Fact]
    public void Catalog_depends_on_Kernel_and_Organization_only() =>
        MotCuaReferences(typeof(MotCua.Catalog.CatalogModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel", "MotCua.Organization"]);

    [Fact]
    public void Dossiers_depend_on_Kernel_Organization_and_Catalog_only() =>
        MotCuaReferences(typeof(MotCua.Dossiers.DossiersModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel", "MotCua.Organization", "MotCua.Catalog"]);

    [Fact]
    public void Feedback_depends_on_Kernel_Organization_Catalog_and_Dossiers_only() =>
        MotCuaReferences(typeof(MotCua.Feedback.FeedbackModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel", "MotCua.Organization", "MotCua.Catalog", "MotCua.Dossiers"]);

    [Fact]
    public void Notifications_depends_on_Kernel_Organization_Catalog_and_Dossiers_only() =>
        MotCuaReferences(typeof(MotCua.Notifications.NotificationsModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel", "MotCua.Organization", "MotCua.Catalog", "MotCua.Dossiers"]);

    [Fact]
    public void Data_applies_the_configurations_of_every_module_it_knows() =>
        MotCuaDbContext.ModuleAssemblies.Select(a => a.GetName().Name).Should().BeEquivalentTo(
            MotCuaReferences(typeof(MotCuaDbContext).Assembly));
}
