using System.Reflection;
using System.Text;

namespace Ict.Abstractions.Tests;

/// <summary>Writes an assembly's public surface as sorted text: one line per type and per member.</summary>
internal static class PublicApiWriter
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Write(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new List<string>();
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                bases.Add(Name(baseType));
            }

            bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
            if (bases.Count > 0)
            {
                text.Append(" : ").AppendJoin(", ", bases);
            }

            text.AppendLine();
            foreach (var member in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("    ").AppendLine(member);
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var member in type.GetMembers(Declared))
        {
            switch (member)
            {
                case ConstructorInfo ctor:
                    yield return $"ctor({Parameters(ctor)})";
                    break;
                case MethodInfo method when !method.IsSpecialName:
                    var generic = method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(Name)) + ">" : string.Empty;
                    yield return $"{(method.IsStatic ? "static " : string.Empty)}{Name(method.ReturnType)} {method.Name}{generic}({Parameters(method)})";
                    break;
                case PropertyInfo property:
                    var accessors = (property.GetMethod?.IsPublic == true ? "get; " : string.Empty) +
                        (property.SetMethod?.IsPublic == true ? (IsInitOnly(property.SetMethod) ? "init; " : "set; ") : string.Empty);
                    var isStatic = (property.GetMethod ?? property.SetMethod)?.IsStatic == true ? "static " : string.Empty;
                    yield return $"{isStatic}{Name(property.PropertyType)} {property.Name} {{ {accessors}}}";
                    break;
                case FieldInfo field:
                    var modifier = field.IsLiteral ? $"const {Name(field.FieldType)} {field.Name} = {field.GetRawConstantValue()}" : $"{(field.IsStatic ? "static " : string.Empty)}{Name(field.FieldType)} {field.Name}";
                    yield return modifier;
                    break;
                case EventInfo evt:
                    yield return $"event {Name(evt.EventHandlerType!)} {evt.Name}";
                    break;
            }
        }
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Kind(Type type) =>
        type.IsInterface ? "interface"
        : type.IsEnum ? "enum"
        : type.IsValueType ? "struct"
        : type.IsAbstract && type.IsSealed ? "static class"
        : type.IsSealed ? "sealed class"
        : type.IsAbstract ? "abstract class"
        : "class";

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = definition.IndexOf('`', StringComparison.Ordinal);
        return definition[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
