namespace Hospital.Domain.Common;

public static class VoidableExtensions
{
    public static bool IsVoided(this IVoidable entity) => entity.VoidedAt is not null;

    public static void Void(this IVoidable entity, string reason, string user, DateTime utcNow)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Cần nhập lý do hủy.");
        if (entity.IsVoided())
            throw new DomainException("Bản ghi đã bị hủy trước đó.");
        entity.VoidedAt = utcNow;
        entity.VoidedBy = user;
        entity.VoidReason = reason.Trim();
    }
}
