using System.Text.Json.Serialization.Metadata;

namespace MotCua.Web.Infrastructure;

/// <summary>How request bodies are read.</summary>
internal static class JsonContracts
{
    /// <summary>
    /// A constructor parameter of a reference type that is not nullable and has no default (a procedure code, an
    /// applicant) must be in the body; a missing one is a 400 naming the field. Nullable ones and value types may be left out.
    /// </summary>
    public static void RequireNonNullableReferences(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && !property.PropertyType.IsValueType)
            {
                property.IsRequired = true;
            }
        }
    }
}
