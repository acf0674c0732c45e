namespace Hospital.Domain.Common;

/// <summary>
/// A record that stops accepting edits once <see cref="IsLocked"/> (a concluded exam record:
/// later changes are signed addenda). The audit interceptor checks the value as it was read, so
/// neither a stale screen nor a bug can edit a locked row.
/// </summary>
public interface ILockableRecord
{
    bool IsLocked { get; }
}
