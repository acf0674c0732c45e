using Microsoft.AspNetCore.Identity;

namespace Hospital.Domain.Identity;

/// <summary>A person who signs in. Deactivated users keep their history but cannot sign in.</summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>The staff catalog entry (CCHN, department) this account belongs to, if any.</summary>
    public int? StaffId { get; set; }
    /// <summary>"vi" or "en"; null means the hospital default (Vietnamese).</summary>
    public string? PreferredCulture { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
