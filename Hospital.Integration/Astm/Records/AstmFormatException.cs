namespace Hospital.Integration.Astm.Records;

/// <summary>An E1394 / LIS2-A2 record or message that cannot be read; the message says what is wrong and where.</summary>
public sealed class AstmFormatException(string message) : FormatException(message);
