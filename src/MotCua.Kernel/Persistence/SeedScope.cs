namespace MotCua.Kernel.Persistence;

/// <summary>
/// Marks the saves of a seeder (demo data): the history it writes never happened, so nobody is sent a message about
/// it. Flows with the async context of the code inside <see cref="Begin"/>.
/// </summary>
public static class SeedScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static IDisposable Begin()
    {
        Active.Value = true;
        return new End();
    }

    private sealed class End : IDisposable
    {
        public void Dispose() => Active.Value = false;
    }
}
