using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MotCua.Data.Postgres;

/// <summary>Used by <c>dotnet ef</c> only: the model on PostgreSQL (no server is contacted to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MotCuaDbContext>
{
    public MotCuaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MotCuaDbContext>();
        DataModule.Configure(options, new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=motcua_design"));
        return new MotCuaDbContext(options.Options);
    }
}
