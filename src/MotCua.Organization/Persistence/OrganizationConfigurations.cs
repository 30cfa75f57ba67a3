using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Kernel.Identifiers;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Persistence;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Identifier).HasMaxLength(AgencyIdentifier.MaxLength);
        builder.HasIndex(a => a.Identifier).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.NameFolded).HasMaxLength(300);
        builder.Property(a => a.NameSortKey).HasMaxLength(1000).HasDefaultValue("");
        builder.Property(a => a.NameEn).HasMaxLength(300);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Path).HasMaxLength(1024);
        builder.HasIndex(a => a.Path);
        builder.HasIndex(a => a.ParentId);
        builder.HasIndex(a => a.NameFolded);
        builder.Property(a => a.Address).HasMaxLength(500);
        builder.Property(a => a.AdministrativeUnitCode).HasMaxLength(16);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.DomainEvents);
    }
}

internal sealed class AgencySuccessionConfiguration : IEntityTypeConfiguration<AgencySuccession>
{
    public void Configure(EntityTypeBuilder<AgencySuccession> builder)
    {
        builder.ToTable("AgencySuccessions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
        builder.HasIndex(s => s.SuccessorId);
        builder.Property(s => s.Decision).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(300);
        builder.Property(u => u.NameFolded).HasMaxLength(300);
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.HasIndex(u => new { u.AgencyId, u.NameFolded }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> builder)
    {
        builder.ToTable("Desks");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasIndex(d => new { d.AgencyId, d.Number }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.FullNameFolded).HasMaxLength(200);
        builder.Property(u => u.FullNameSortKey).HasMaxLength(1000).HasDefaultValue("");
        builder.Property(u => u.Position).HasMaxLength(200);
        builder.Property(u => u.PersonalIdNumber).HasMaxLength(12);
        builder.HasIndex(u => u.PersonalIdNumber).IsUnique();
        builder.HasIndex(u => new { u.AgencyId, u.FullNameFolded });
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("RoleGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Role).HasMaxLength(32);
        builder.HasIndex(g => new { g.UserId, g.Role, g.AgencyId }).IsUnique();
        builder.HasIndex(g => g.AgencyId);
        builder.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agency>().WithMany().HasForeignKey(g => g.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
