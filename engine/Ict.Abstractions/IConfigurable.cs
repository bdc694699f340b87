namespace Ict.Abstractions;

/// <summary>
/// Implemented by a plugin that takes settings. The host binds the plugin's <c>settings</c> section of
/// <c>engine.json</c> to <typeparamref name="TOptions"/> (unknown keys and wrong types are errors naming the JSON
/// path), validates it with its <c>System.ComponentModel.DataAnnotations</c> attributes and
/// <c>IValidatableObject</c>, and calls <see cref="Configure"/> once, before the first event.
/// </summary>
/// <typeparam name="TOptions">The plugin's options record; property names are camelCase in JSON.</typeparam>
public interface IConfigurable<in TOptions>
    where TOptions : class, new()
{
    /// <summary>Receives the validated settings.</summary>
    /// <param name="options">The bound options; defaults apply to keys left out of the config.</param>
    void Configure(TOptions options);
}
