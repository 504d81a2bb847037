namespace ClusterAtlas.Fuzz;

/// <summary>
/// A target found a result that breaks the API's own documented contract (e.g. Normalize not idempotent).
/// Thrown on purpose so AFL++ saves the input as a crash, like any other unexpected exception.
/// </summary>
public sealed class FuzzInvariantException(string message) : Exception(message);
