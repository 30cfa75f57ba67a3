namespace MotCua.UnitTests;

/// <summary>The public data beside the repository (<c>../shared/data</c>), which tests may read and the application never does.</summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The shared data folder (../shared/data beside the repository) was not found.");
    }
}
