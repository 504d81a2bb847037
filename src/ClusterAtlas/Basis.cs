namespace ClusterAtlas;

/// <summary>How a stored value was obtained from its source.</summary>
public enum Basis
{
    /// <summary>Printed in the source as stored.</summary>
    Published,
    /// <summary>Decoded from a garbled extraction (merged cells, reversed columns, shifted labels); see the note.</summary>
    Decoded,
    /// <summary>Inferred from the source or other facts; the note says from what.</summary>
    Inferred,
}
