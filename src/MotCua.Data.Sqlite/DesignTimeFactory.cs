using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MotCua.Data.Sqlite;

/// <summary>Used by <c>dotnet ef</c> only: the model on SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MotCuaDbContext>
{
    public MotCuaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MotCuaDbContext>();
        DataModule.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
        return new MotCuaDbContext(options.Options);
    }
}
