namespace Hospital.Domain.Common;

/// <summary>A rule of the hospital was broken; the message is shown to the user as is (Vietnamese).</summary>
public sealed class DomainException(string message) : Exception(message);
