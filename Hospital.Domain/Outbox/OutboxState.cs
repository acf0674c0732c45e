namespace Hospital.Domain.Outbox;

public enum OutboxState { Pending = 0, Sent = 1, FailedPermanently = 2, Cancelled = 3 }
