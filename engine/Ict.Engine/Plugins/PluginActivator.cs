using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Ict.Abstractions;
using Ict.Engine.Configuration;

namespace Ict.Engine.Plugins;

/// <summary>Creates a plugin instance and gives it its validated settings.</summary>
public static class PluginActivator
{
    /// <summary>Creates and configures a plugin.</summary>
    /// <exception cref="ConfigException">The plugin is not loadable, not of the kind asked, or refused its settings.</exception>
    /// <exception cref="PluginFaultException">Its constructor or <c>Configure</c> crashed.</exception>
    public static T Create<T>(PluginDescriptor descriptor, EngineConfig config, PluginSlotOptions slot, string slotPath)
        where T : class
    {
        if (descriptor.State != PluginState.Loaded || descriptor.Type is null)
        {
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: {slotPath}.plugin: plugin '{descriptor.Id}' is {descriptor.State.ToString().ToLowerInvariant()}: {descriptor.Reason}");
        }

        if (!typeof(T).IsAssignableFrom(descriptor.Type))
        {
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: {slotPath}.plugin: '{descriptor.Id}' is not a {typeof(T).Name}");
        }

        T instance;
        try
        {
            instance = (T)Activator.CreateInstance(descriptor.Type)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new PluginFaultException(descriptor.Id, $"its constructor threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}", ex.InnerException);
        }

        var configurable = descriptor.Type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConfigurable<>));
        if (configurable is not null)
        {
            var optionsType = configurable.GetGenericArguments()[0];
            var options = config.BindPluginSettings(optionsType, slot.Settings, slotPath + ".settings");
            try
            {
                configurable.GetMethod(nameof(IConfigurable<object>.Configure))!.Invoke(instance, [options]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is ArgumentException or ValidationException)
            {
                throw new ConfigException($"{Path.GetFileName(config.FilePath)}: {slotPath}.settings: plugin '{descriptor.Id}' refused its settings: {ex.InnerException.Message}");
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw new PluginFaultException(descriptor.Id, $"Configure threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}", ex.InnerException);
            }
        }
        else if (slot.Settings is { ValueKind: not System.Text.Json.JsonValueKind.Null })
        {
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: {slotPath}.settings: plugin '{descriptor.Id}' takes no settings");
        }

        return instance;
    }
}
