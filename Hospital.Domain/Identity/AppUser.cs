using Hospital.Domain.Text;
using Microsoft.AspNetCore.Identity;

namespace Hospital.Domain.Identity;

/// <summary>A person who signs in. Deactivated users keep their history but cannot sign in.</summary>
public class AppUser : IdentityUser
{
    private string _fullName = "";

    public string FullName
    {
        get => _fullName;
        // Whoever sets the name (admin screen, demo seeder, first start) keeps the key in step.
        set
        {
            _fullName = value;
            SearchKey = VietnameseText.SearchKey(value);
        }
    }

    /// <summary>
    /// Accent-free lower-case full name, so "nguyen" finds "Nguyễn" the same way on SQLite and
    /// PostgreSQL (DESIGN.md "Data"). User names need none: Identity allows only ASCII in them.
    /// </summary>
    public string SearchKey { get; private set; } = "";

    public bool IsActive { get; set; } = true;
    /// <summary>The staff catalog entry (CCHN, department) this account belongs to, if any.</summary>
    public int? StaffId { get; set; }
    /// <summary>"vi" or "en"; null means the hospital default (Vietnamese).</summary>
    public string? PreferredCulture { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
