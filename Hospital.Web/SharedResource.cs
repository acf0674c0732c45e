namespace Hospital.Web;

/// <summary>Marker for the UI texts; English in Resources/SharedResource.en.resx, keyed by the Vietnamese text.</summary>
public sealed class SharedResource;
