using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Kernel.Persistence;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Persistence;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.Property(m => m.Event).HasConversion<int>();
        builder.Property(m => m.Channel).HasConversion<int>();
        builder.Property(m => m.Status).HasConversion<int>();
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectLength);
        builder.Property(m => m.LockedBy).HasMaxLength(100);
        builder.Property(m => m.ProviderId).HasMaxLength(200);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.Values).HasJsonConversion(() => []);

        // At most one message per event, channel and recipient.
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();

        // The workers' pick: due pending messages, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // Each index costs every submission an insert: the inbox's is for in-app messages only, the licences' for theirs.
        builder.HasIndex(m => new { m.UserId, m.CreatedAt }).HasFilter("\"Channel\" = 4");
        builder.HasIndex(m => m.DossierId);
        builder.HasIndex(m => m.LicenceId).HasFilter("\"LicenceId\" IS NOT NULL");
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("NotificationTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Event).HasConversion<int>();
        builder.Property(t => t.Channel).HasConversion<int>();
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Text).HasMaxLength(4000);
        builder.Property(t => t.Html).HasMaxLength(20000);
        builder.HasIndex(t => new { t.Event, t.Channel }).IsUnique();
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.ToTable("Licences");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Number).HasMaxLength(100);
        builder.Property(l => l.Type).HasMaxLength(300);
        builder.Property(l => l.Holder).HasMaxLength(300);
        builder.Property(l => l.HolderIdNumber).HasMaxLength(20);
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.Phone).HasMaxLength(20);
        builder.Property(l => l.ProcedureCode).HasMaxLength(40);
        builder.Property(l => l.RenewedByName).HasMaxLength(200);
        builder.Property(l => l.Source).HasConversion<int>();
        builder.HasIndex(l => new { l.AgencyId, l.Number }).IsUnique();
        builder.HasIndex(l => l.ExpiresOn);
        builder.HasIndex(l => new { l.HolderIdNumber, l.ProcedureCode });
        builder.HasOne<Agency>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
