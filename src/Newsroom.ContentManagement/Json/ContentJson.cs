using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Newsroom.ContentManagement;

/// <summary>
/// Marks a base type whose subclasses are stored with a discriminator property, and whose
/// subclasses may live in other modules (each marked with <see cref="ContentTypeDiscriminatorAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContentPolymorphicAttribute(string discriminatorProperty = "type") : Attribute
{
    public string DiscriminatorProperty { get; } = discriminatorProperty;
}

/// <summary>The discriminator value a subclass of a <see cref="ContentPolymorphicAttribute"/> type is stored with.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContentTypeDiscriminatorAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}

/// <summary>How content is written to and read from JSON, everywhere (storage, recipes, APIs).</summary>
public static class ContentJson
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<JsonDerivedType>> s_derived = new();

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddDerivedTypes } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void AddDerivedTypes(JsonTypeInfo info)
    {
        if (info.Type.GetCustomAttribute<ContentPolymorphicAttribute>() is not { } polymorphic)
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = polymorphic.DiscriminatorProperty,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var derived in s_derived.GetOrAdd(info.Type, FindDerivedTypes))
        {
            info.PolymorphismOptions.DerivedTypes.Add(derived);
        }
    }

    // Subclasses are found among the loaded assemblies that reference the base type's assembly;
    // the host loads every module assembly at start-up, before any content is read.
    private static IReadOnlyList<JsonDerivedType> FindDerivedTypes(Type baseType)
    {
        var baseAssembly = baseType.Assembly.GetName().Name;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a == baseType.Assembly || a.GetReferencedAssemblies().Any(r => r.Name == baseAssembly))
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(baseType) && !t.IsAbstract)
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<ContentTypeDiscriminatorAttribute>()))
            .Where(t => t.Attribute is not null)
            .OrderBy(t => t.Attribute!.Value, StringComparer.Ordinal)
            .Select(t => new JsonDerivedType(t.Type, t.Attribute!.Value))
            .ToList();
    }
}
