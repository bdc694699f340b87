using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ict.Engine.Configuration;

/// <summary>
/// Validates an options object graph with its DataAnnotations attributes and <see cref="IValidatableObject"/>,
/// walking nested records and lists, and names every problem by its JSON path.
/// </summary>
public static class OptionsValidator
{
    public static IReadOnlyList<ConfigProblem> Validate(object options, string path)
    {
        var problems = new List<ConfigProblem>();
        Walk(options, path, problems);
        return problems;
    }

    private static void Walk(object node, string path, List<ConfigProblem> problems)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(node, new ValidationContext(node), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var memberPath = member is null ? path : path + "." + JsonPathOf(node.GetType(), member);
            problems.Add(new ConfigProblem(memberPath, Describe(node, member, result.ErrorMessage)));
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || !IsOptionsType(property.PropertyType, out var isList))
            {
                continue;
            }

            var value = property.GetValue(node);
            var childPath = path + "." + JsonName(property);
            if (value is null)
            {
                continue;
            }

            if (isList)
            {
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null)
                    {
                        Walk(item, $"{childPath}[{index}]", problems);
                    }

                    index++;
                }
            }
            else
            {
                Walk(value, childPath, problems);
            }
        }
    }

    private static bool IsOptionsType(Type type, out bool isList)
    {
        isList = false;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            isList = true;
            type = type.GetGenericArguments()[0];
        }

        return type.IsClass && type != typeof(string) && !(type.Namespace ?? string.Empty).StartsWith("System", StringComparison.Ordinal);
    }

    private static string Describe(object node, string? member, string? message)
    {
        message ??= "is invalid";
        const string prefix = "The field ";
        if (member is not null && message.StartsWith(prefix + member + " ", StringComparison.Ordinal))
        {
            message = message[(prefix.Length + member.Length + 1)..];
        }

        message = message.TrimEnd('.');
        var property = member is null ? null : node.GetType().GetProperty(member);
        if (property is not null && (property.PropertyType.IsPrimitive || property.PropertyType == typeof(decimal)))
        {
            message += $" (got {Convert.ToString(property.GetValue(node), System.Globalization.CultureInfo.InvariantCulture)})";
        }

        return message;
    }

    private static string JsonPathOf(Type type, string memberPath)
    {
        // Member names from IValidatableObject may already be dotted paths with indexes: convert each segment.
        var segments = memberPath.Split('.');
        var current = type;
        var parts = new List<string>();
        foreach (var segment in segments)
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var suffix = bracket < 0 ? string.Empty : segment[bracket..];
            var property = current?.GetProperty(name);
            parts.Add((property is null ? JsonNamingPolicy.CamelCase.ConvertName(name) : JsonName(property)) + suffix);
            current = property?.PropertyType is { IsGenericType: true } generic ? generic.GetGenericArguments()[0] : property?.PropertyType;
        }

        return string.Join('.', parts);
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}

/// <summary>One configuration problem: where, and what is wrong.</summary>
public sealed record ConfigProblem(string Path, string Message);
