namespace Docket.Domain.Cases;

/// <summary>Where diversion sends a case type (case 159's three stages).</summary>
public enum CaseTrack
{
    /// <summary>Ordinary handling by whichever teams accept the type.</summary>
    Ordinary,

    /// <summary>Simple types (financial loans, traffic accidents, small claims) for fast-track teams.</summary>
    FastTrack,

    /// <summary>Complex types for specialized teams (labour, construction, corporate...).</summary>
    Specialized,

    /// <summary>Execution and asset disposal.</summary>
    Enforcement,
}
