using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Persistence;

internal sealed class QueueServiceConfiguration : IEntityTypeConfiguration<QueueService>
{
    public void Configure(EntityTypeBuilder<QueueService> builder)
    {
        builder.ToTable("QueueServices");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(QueueService.MaxName);
        builder.Property(s => s.Prefix).HasMaxLength(2);
        builder.HasIndex(s => new { s.AgencyId, s.Prefix }).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CounterSessionConfiguration : IEntityTypeConfiguration<CounterSession>
{
    public void Configure(EntityTypeBuilder<CounterSession> builder)
    {
        builder.ToTable("CounterSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.OfficerName).HasMaxLength(200);

        // One officer at a counter, one counter per officer, at a time.
        builder.HasIndex(s => s.DeskId).IsUnique().HasFilter("\"EndedAt\" IS NULL");
        builder.HasIndex(s => s.UserId).IsUnique().HasFilter("\"EndedAt\" IS NULL");
        builder.HasIndex(s => new { s.AgencyId, s.Day });
        builder.HasOne<Desk>().WithMany().HasForeignKey(s => s.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("QueueTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Number).HasMaxLength(8);
        builder.Property(t => t.OfficerName).HasMaxLength(200);
        builder.Property(t => t.Phone).HasMaxLength(20);
        builder.Property(t => t.Revision).IsConcurrencyToken();

        // Numbers are taken in order per service and day; a lost race retries with the next.
        builder.HasIndex(t => new { t.IssuedServiceId, t.Day, t.Sequence }).IsUnique();
        builder.HasIndex(t => new { t.ServiceId, t.Status, t.RankAt });
        builder.HasIndex(t => new { t.AgencyId, t.Day, t.Status });
        builder.HasIndex(t => t.DossierId);
        builder.HasOne<QueueService>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QueueService>().WithMany().HasForeignKey(t => t.IssuedServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BoardChangeConfiguration : IEntityTypeConfiguration<BoardChange>
{
    public void Configure(EntityTypeBuilder<BoardChange> builder)
    {
        builder.ToTable("QueueBoardChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(8);
        builder.HasIndex(c => c.At);
        builder.HasIndex(c => new { c.AgencyId, c.At });
    }
}

internal sealed class QueueDeviceConfiguration : IEntityTypeConfiguration<QueueDevice>
{
    public void Configure(EntityTypeBuilder<QueueDevice> builder)
    {
        builder.ToTable("QueueDevices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.KeyHash).HasMaxLength(64);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("QueueBookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Token).HasMaxLength(40);
        builder.Property(b => b.Code).HasMaxLength(12);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Phone).HasMaxLength(20);
        builder.Property(b => b.Revision).IsConcurrencyToken();
        builder.HasIndex(b => b.Token).IsUnique();
        builder.HasIndex(b => b.Code);

        // A seat per booking of a slot while it is not cancelled: the slot's capacity holds when two book its last seat at once.
        builder.HasIndex(b => new { b.ServiceId, b.StartsAt, b.Seat }).IsUnique().HasFilter("\"Status\" <> 2");
        builder.HasIndex(b => new { b.AgencyId, b.Day });
        builder.HasIndex(b => new { b.Phone, b.StartsAt });
        builder.HasOne<QueueService>().WithMany().HasForeignKey(b => b.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CentreTargetConfiguration : IEntityTypeConfiguration<CentreTarget>
{
    public void Configure(EntityTypeBuilder<CentreTarget> builder)
    {
        builder.ToTable("QueueCentreTargets");
        builder.HasKey(t => t.AgencyId);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
