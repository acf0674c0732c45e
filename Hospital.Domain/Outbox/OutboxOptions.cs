namespace Hospital.Domain.Outbox;

/// <summary>Settings <c>Outbox__*</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Run the dispatcher loop in this process (tests switch it off and drive it by hand).</summary>
    public bool Enabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a claimed message belongs to one instance; a handler is cut off before it ends.</summary>
    public int LeaseSeconds { get; set; } = 120;
}
