namespace Newsroom.Modules;

/// <summary>A module names a dependency that is not there, or modules depend on each other in a cycle.</summary>
public sealed class ModuleDependencyException(string message) : Exception(message);
