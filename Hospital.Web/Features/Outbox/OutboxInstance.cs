namespace Hospital.Web.Features.Outbox;

/// <summary>This process's name in outbox leases; one per process so its leases survive scopes.</summary>
public sealed record OutboxInstance(string Id);
