using System.Reflection;
using System.Xml.Linq;
using MotCua.Data;
using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Organization;

namespace MotCua.UnitTests;

/// <summary>
/// Keeps the dependency order of architecture.md: Kernel ← Organization ← …; modules never reference Data; every module
/// of the solution is in the one list (<see cref="MotCuaModules"/>) that the host and the data context read.
/// </summary>
public class ArchitectureTests
{
    private static readonly string[] UpToDossiers = ["MotCua.Kernel", "MotCua.Organization", "MotCua.Catalog", "MotCua.Dossiers"];

    /// <summary>The projects of the solution that are not modules: the data context, its migrations, the host and the simulators of outside systems.</summary>
    private static readonly string[] NotModules = ["MotCua.Data", "MotCua.Data.Sqlite", "MotCua.Data.Postgres", "MotCua.Web", "MotCua.Simulators"];

    private static IEnumerable<string> MotCuaReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("MotCua.", StringComparison.Ordinal));

    private static string NameOf(IModule module) => module.GetType().Assembly.GetName().Name!;

    /// <summary>A simulator is written from the outside system's protocol, so that it checks MotCua's client instead of agreeing with it.</summary>
    [Fact]
    public void Simulators_use_no_MotCua_code() =>
        MotCuaReferences(typeof(MotCua.Simulators.PlatformSimulator).Assembly).Should().BeEmpty();

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
    public void Documents_depend_on_Kernel_Organization_Catalog_and_Dossiers_only() =>
        MotCuaReferences(typeof(MotCua.Documents.DocumentsModule).Assembly).Should().BeSubsetOf(UpToDossiers);

    [Fact]
    public void Feedback_depends_on_Kernel_Organization_Catalog_and_Dossiers_only() =>
        MotCuaReferences(typeof(MotCua.Feedback.FeedbackModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel", "MotCua.Organization", "MotCua.Catalog", "MotCua.Dossiers"]);

    [Fact]
    public void Notifications_depends_on_Kernel_Organization_Catalog_and_Dossiers_only() =>
        MotCuaReferences(typeof(MotCua.Notifications.NotificationsModule).Assembly).Should().BeSubsetOf(["MotCua.Kernel", "MotCua.Organization", "MotCua.Catalog", "MotCua.Dossiers"]);

    [Fact]
    public void Queueing_depends_on_Kernel_Organization_Catalog_Dossiers_and_Feedback_only() =>
        MotCuaReferences(typeof(MotCua.Queueing.QueueingModule).Assembly).Should().BeSubsetOf([.. UpToDossiers, "MotCua.Feedback"]);

    [Fact]
    public void Records_depends_on_Kernel_Organization_Catalog_Dossiers_and_Documents_only() =>
        MotCuaReferences(typeof(MotCua.Records.RecordsModule).Assembly).Should().BeSubsetOf([.. UpToDossiers, "MotCua.Documents"]);

    [Fact]
    public void Data_applies_the_configurations_of_every_module_it_knows() =>
        MotCuaDbContext.ModuleAssemblies.Select(a => a.GetName().Name).Should().BeEquivalentTo(
            MotCuaReferences(typeof(MotCuaDbContext).Assembly));

    [Fact]
    public void Every_module_of_the_solution_is_in_the_module_list_once()
    {
        // Read from the solution, not from the list's own references: a module project left out of the list fails here.
        var solution = RepositoryFile("MotCua.slnx");
        var projects = XDocument.Load(solution).Descendants("Project").Select(p => p.Attribute("Path")!.Value.Replace('\\', '/'))
            .Where(path => path.StartsWith("src/", StringComparison.Ordinal))
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Except(NotModules).ToList();
        projects.Should().NotBeEmpty().And.Contain("MotCua.Documents");
        MotCuaModules.All.Select(NameOf).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(projects);
    }

    [Fact]
    public void Each_module_assembly_says_what_it_is_in_one_module_class()
    {
        foreach (var module in MotCuaModules.All)
        {
            var assembly = module.GetType().Assembly;
            assembly.GetTypes().Where(t => typeof(IModule).IsAssignableFrom(t) && !t.IsInterface).Should().Equal([module.GetType()], NameOf(module));
            module.GetType().Name.Should().Be(NameOf(module)["MotCua.".Length..] + "Module");
        }
    }

    [Fact]
    public void Modules_use_only_what_they_declare_and_declare_only_modules_listed_before_them()
    {
        var order = MotCuaModules.All.Select(m => m.GetType()).ToList();
        foreach (var module in MotCuaModules.All)
        {
            var index = order.IndexOf(module.GetType());
            module.DependsOn.Should().OnlyContain(d => order.IndexOf(d) >= 0 && order.IndexOf(d) < index, $"{NameOf(module)} depends on modules before it only");
            MotCuaReferences(module.GetType().Assembly).Should().BeSubsetOf(module.DependsOn.Select(d => d.Assembly.GetName().Name!), NameOf(module));
        }
    }

    [Fact]
    public void The_host_and_the_data_context_read_the_module_list()
    {
        MotCuaDbContext.ModuleAssemblies.Should().Equal(MotCuaModules.All.Select(m => m.GetType().Assembly));
        var program = File.ReadAllText(RepositoryFile("src/MotCua.Web/Program.cs"));
        program.Should().Contain("MotCuaModules.All").And.NotContainAny(MotCuaModules.All.Select(m => m.GetType().Name + "."));
    }

    internal static string RepositoryFile(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MotCua.slnx")))
            {
                return Path.Combine(folder.FullName, relative);
            }
        }

        throw new InvalidOperationException("The repository root (MotCua.slnx) is not above " + AppContext.BaseDirectory);
    }
}
