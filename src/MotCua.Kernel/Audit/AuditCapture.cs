using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Kernel.Security;

namespace MotCua.Kernel.Audit;

/// <summary>Marks an entity whose changes are not audited (the audit log itself, key rings, caches).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Marks a property whose value is too large or too private for the log: its change is logged, its value is not.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedValueAttribute : Attribute;

/// <summary>
/// Marks a property computed from others (a sort key): left out of the log, where the values it comes from are, so
/// that computing it again for old rows writes nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DerivedAttribute : Attribute;

/// <summary>Turns the change tracker's pending changes into audit entries (before/after of changed properties).</summary>
public static class AuditCapture
{
    /// <summary>
    /// Properties whose values never go into the log, which is kept for ever: secrets, and the personal data of
    /// applicants and account holders (identification numbers, phone numbers, addresses; Decree 13/2023), which must
    /// be erasable where they are kept. Their change is still recorded.
    /// </summary>
    private static readonly HashSet<string> Masked = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Xml", "ProviderKey",
        "Applicant", "PersonalIdNumber", "PhoneNumber", "HolderIdNumber", "DeliveryAddress", "Phone",
    };

    // Vietnamese stays readable in the log; the values are data, never embedded in HTML unencoded.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<AuditEntry> Capture(ChangeTracker tracker, ICurrentActor actor, DateTime utcNow, Func<Type, bool>? skip = null)
    {
        // Whole microseconds: PostgreSQL keeps no finer, and the hash must match what is read back.
        utcNow = new DateTime(utcNow.Ticks - (utcNow.Ticks % 10), DateTimeKind.Utc);
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Metadata.ClrType.IsDefined(typeof(NotAuditedAttribute), inherit: true)
                || entry.Metadata.IsOwned()
                || skip?.Invoke(entry.Metadata.ClrType) == true)
            {
                continue;
            }

            Dictionary<string, object?>? before = null;
            Dictionary<string, object?>? after = null;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.PropertyInfo?.IsDefined(typeof(DerivedAttribute), inherit: true) == true)
                {
                    continue;
                }

                var name = property.Metadata.Name;
                switch (entry.State)
                {
                    case EntityState.Added:
                        (after ??= [])[name] = Value(property, property.CurrentValue);
                        break;
                    case EntityState.Deleted:
                        (before ??= [])[name] = Value(property, property.OriginalValue);
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        (before ??= [])[name] = Value(property, property.OriginalValue);
                        (after ??= [])[name] = Value(property, property.CurrentValue);
                        break;
                }
            }

            if (entry.State == EntityState.Modified && after is null)
            {
                continue;
            }

            var key = entry.Metadata.FindPrimaryKey();
            var entityId = key is null
                ? ""
                : string.Join('|', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
            entries.Add(new AuditEntry
            {
                At = utcNow,
                ActorId = actor.UserId,
                ActorName = actor.Name,
                Action = entry.State switch
                {
                    EntityState.Added => "Created",
                    EntityState.Deleted => "Deleted",
                    _ => "Updated",
                },
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = entityId,
                Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            });
        }

        return entries;
    }

    private static object? Value(PropertyEntry property, object? value) =>
        value is null ? null
        : Masked.Contains(property.Metadata.Name) ? "***"
        : property.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedValueAttribute), inherit: true) == true ? $"({Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Length ?? 0} ký tự)"
        : value;
}
