namespace Hospital.Domain.Identity;

/// <summary>
/// The staff catalog entry (CCHN, department) of a signed-in user, for the MA_BAC_SI of what they
/// order, perform or sign; null for an account without one (e.g. the administrator).
/// </summary>
public static class StaffOfUser
{
    public static Task<int?> IdAsync(DbContext db, string userName, CancellationToken ct = default) =>
        db.Set<AppUser>().AsNoTracking().Where(u => u.UserName == userName).Select(u => u.StaffId).FirstOrDefaultAsync(ct);
}
